namespace PlaceDeMarche.Pipeline.Imaging.Features.ColorHistogram;

/// <summary>Colour space of a <see cref="ColorHistogramExtractor"/> histogram.</summary>
public enum ColorSpace
{
    /// <summary>Hue (0–360°), saturation and value (0–1), as OpenCV's float HSV conversion.</summary>
    Hsv,

    /// <summary>Red, green, blue (0–255).</summary>
    Rgb,
}
