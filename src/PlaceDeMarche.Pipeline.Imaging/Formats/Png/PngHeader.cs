namespace PlaceDeMarche.Pipeline.Imaging.Formats.Png;

/// <summary>The validated IHDR fields of a PNG.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="BitDepth">Bits per sample (or per palette index).</param>
/// <param name="ColorType">Colour type.</param>
/// <param name="Interlaced">Adam7 interlacing.</param>
internal readonly record struct PngHeader(int Width, int Height, int BitDepth, PngColorType ColorType, bool Interlaced)
{
    /// <summary>Samples per pixel.</summary>
    public int Channels => ColorType switch
    {
        PngColorType.Rgb => 3,
        PngColorType.GrayAlpha => 2,
        PngColorType.Rgba => 4,
        _ => 1,
    };

    /// <summary>Filter unit: bytes per complete pixel, at least 1.</summary>
    public int FilterStride => Math.Max(1, Channels * BitDepth / 8);

    /// <summary>Bytes of one unfiltered row of <paramref name="pixels"/> pixels (without the filter-type byte).</summary>
    public long RowBytes(int pixels) => ((long)pixels * Channels * BitDepth + 7) / 8;
}
