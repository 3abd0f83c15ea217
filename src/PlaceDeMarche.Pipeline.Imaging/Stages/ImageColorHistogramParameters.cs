using PlaceDeMarche.Pipeline.Imaging.Features.ColorHistogram;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>The <c>images.color_histogram</c> section of pipeline.yaml.</summary>
public sealed class ImageColorHistogramParameters
{
    /// <summary><c>hsv</c> or <c>rgb</c>.</summary>
    public required string Space { get; set; }

    /// <summary>Bins of the first, second and third channel.</summary>
    public required int[] Bins { get; set; }

    /// <exception cref="ArgumentException">The space or the bins are invalid.</exception>
    public ColorHistogramOptions ToOptions()
    {
        if (Bins is not [> 0, > 0, > 0])
        {
            throw new ArgumentException($"images.color_histogram.bins must list three positive bin counts, not [{string.Join(", ", Bins)}].");
        }

        return new ColorHistogramOptions
        {
            Space = Space switch
            {
                "hsv" => ColorSpace.Hsv,
                "rgb" => ColorSpace.Rgb,
                _ => throw new ArgumentException($"images.color_histogram.space must be hsv or rgb, not '{Space}'."),
            },
            FirstBins = Bins[0],
            SecondBins = Bins[1],
            ThirdBins = Bins[2],
        };
    }
}
