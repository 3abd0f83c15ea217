namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>The <c>images.color_histogram</c> section of pipeline.yaml.</summary>
public sealed class ImageColorHistogramParameters
{
    /// <summary><c>hsv</c> or <c>rgb</c>.</summary>
    public string Space { get; set; } = "hsv";

    /// <summary>Bins of the first, second and third channel.</summary>
    public int[] Bins { get; set; } = [8, 4, 4];
}
