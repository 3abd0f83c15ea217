namespace PlaceDeMarche.Pipeline.Imaging.Processing;

/// <summary>Interpolation of <see cref="ImageResizer"/>; sample positions follow OpenCV (pixel centres aligned).</summary>
public enum ResizeMethod
{
    /// <summary>Mean over the covered source area (OpenCV INTER_AREA); axes that are enlarged fall back to bilinear.</summary>
    Area,

    /// <summary>Bilinear interpolation, replicated border (OpenCV INTER_LINEAR).</summary>
    Bilinear,

    /// <summary>Keys cubic convolution with a = -0.75, replicated border (OpenCV INTER_CUBIC).</summary>
    Bicubic,
}
