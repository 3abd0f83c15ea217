namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>The <c>images.preprocess</c> section of pipeline.yaml.</summary>
public sealed class ImagePreprocessParameters
{
    /// <summary>Side of the square gray image the descriptors are computed on.</summary>
    public required int Size { get; set; }

    /// <summary><c>pad</c> (whole product on a white square) or <c>crop</c> (centred square, edges lost).</summary>
    public required string Square { get; set; }

    /// <summary><c>none</c>, <c>global</c> (histogram equalisation) or <c>clahe</c>.</summary>
    public required string Equalization { get; set; }

    public required double ClaheClipLimit { get; set; }

    public required int ClaheTiles { get; set; }

    /// <summary>Gaussian denoising σ in pixels of the final image; 0 disables it.</summary>
    public required double DenoiseSigma { get; set; }

    /// <summary>Side of the square RGB thumbnail kept for colour features and the report.</summary>
    public required int ThumbnailSize { get; set; }

    /// <summary>Decompression-bomb guard: photos whose decoded pixel count would exceed this are unusable.</summary>
    public required long MaxPixels { get; set; }

    /// <summary>Bound on the scans of one JPEG: with <see cref="MaxPixels"/> it bounds the decoding work per photo.</summary>
    public required int MaxScans { get; set; }
}
