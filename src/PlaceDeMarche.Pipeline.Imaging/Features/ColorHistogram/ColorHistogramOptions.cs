namespace PlaceDeMarche.Pipeline.Imaging.Features.ColorHistogram;

/// <summary>Settings of <see cref="ColorHistogramExtractor"/>: bins per channel of the joint histogram.</summary>
public sealed record ColorHistogramOptions
{
    /// <summary>Colour space.</summary>
    public ColorSpace Space { get; init; } = ColorSpace.Hsv;

    /// <summary>Bins of the first channel (hue or red).</summary>
    public int FirstBins { get; init; } = 8;

    /// <summary>Bins of the second channel (saturation or green).</summary>
    public int SecondBins { get; init; } = 4;

    /// <summary>Bins of the third channel (value or blue).</summary>
    public int ThirdBins { get; init; } = 4;
}
