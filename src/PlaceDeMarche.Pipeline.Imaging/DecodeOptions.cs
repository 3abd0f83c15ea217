namespace PlaceDeMarche.Pipeline.Imaging;

/// <summary>Options for <see cref="ImageDecoder"/>. Immutable; the defaults suit photo pipelines.</summary>
public sealed record DecodeOptions
{
    /// <summary>Default options: full size, EXIF orientation applied, 64 Mi pixel budget, alpha over white.</summary>
    public static DecodeOptions Default { get; } = new();

    /// <summary>Fixed JPEG reduction; combined with <see cref="MinShortSide"/> the larger reduction wins.</summary>
    public DecodeScale Scale { get; init; } = DecodeScale.Full;

    /// <summary>
    /// "Draft" mode for model inputs: when positive, JPEGs are decoded at the largest DCT reduction
    /// (1/2, 1/4, 1/8) whose shorter output side is still at least this many pixels, so a later resize
    /// to that size loses nothing. Zero disables it.
    /// </summary>
    public int MinShortSide { get; init; }

    /// <summary>Rotate/flip JPEGs according to their EXIF orientation tag so that the result is upright.</summary>
    public bool ApplyExifOrientation { get; init; } = true;

    /// <summary>
    /// Decompression-bomb guard, checked from the header before any pixel buffer is allocated: the decoded
    /// pixel count (width × height after reduction) must not exceed it. Progressive JPEGs keep full-resolution
    /// coefficients, so for them the full frame must fit.
    /// </summary>
    public long MaxPixels { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Bound on the scans of one JPEG: a progressive file can repeat scans at will, and each one is a pass over every
    /// coefficient of the frame, so a small file could otherwise hold a decoder for minutes. With
    /// <see cref="MaxPixels"/> it bounds the work per image (at most MaxScans passes over MaxPixels). Encoders write
    /// about 10 scans (libjpeg's default progressive script); libjpeg's <c>-maxscans</c> option is the same guard.
    /// </summary>
    public int MaxScans { get; init; } = 100;

    /// <summary>How error messages name <see cref="MaxPixels"/> (callers that read it from a setting give the setting's name).</summary>
    public string MaxPixelsName { get; init; } = "DecodeOptions.MaxPixels";

    /// <summary>How error messages name <see cref="MaxScans"/>.</summary>
    public string MaxScansName { get; init; } = "DecodeOptions.MaxScans";

    /// <summary>When a baseline JPEG exceeds <see cref="MaxPixels"/>, decode it at the smallest DCT reduction that fits instead of failing.</summary>
    public bool DownscaleToFitBudget { get; init; }

    /// <summary>How PNG transparency is converted to RGB.</summary>
    public AlphaHandling Alpha { get; init; } = AlphaHandling.CompositeOnWhite;
}
