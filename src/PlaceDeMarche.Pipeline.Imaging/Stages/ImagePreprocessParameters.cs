namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>The <c>images.preprocess</c> section of pipeline.yaml.</summary>
public sealed class ImagePreprocessParameters
{
    /// <summary>Side of the square gray image the descriptors are computed on.</summary>
    public int Size { get; set; } = 256;

    /// <summary><c>pad</c> (whole product on a white square) or <c>crop</c> (centred square, edges lost).</summary>
    public string Square { get; set; } = "pad";

    /// <summary><c>none</c>, <c>global</c> (histogram equalisation) or <c>clahe</c>.</summary>
    public string Equalization { get; set; } = "global";

    public double ClaheClipLimit { get; set; } = 2;

    public int ClaheTiles { get; set; } = 8;

    /// <summary>Gaussian denoising σ in pixels of the final image; 0 disables it.</summary>
    public double DenoiseSigma { get; set; }

    /// <summary>Side of the square RGB thumbnail kept for colour features and the report.</summary>
    public int ThumbnailSize { get; set; } = 64;

    /// <summary>Decompression-bomb guard: photos whose decoded pixel count would exceed this are unusable.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Bound on the scans of one JPEG: with <see cref="MaxPixels"/> it bounds the decoding work per photo.</summary>
    public int MaxScans { get; set; } = 100;
}
