using PlaceDeMarche.Pipeline.Imaging.Augmentation;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>The <c>images.augmentation</c> section of pipeline.yaml: which CNNs embed augmented copies, how many, how far each transform goes.</summary>
public sealed class ImageAugmentationParameters
{
    /// <summary>The CNNs (sections of <c>images.cnn</c>) whose augmented embeddings are computed; the others' stages write an empty table.</summary>
    public string[] Models { get; set; } = [];

    /// <summary>Augmented copies per photo.</summary>
    public int Copies { get; set; } = 2;

    public bool Mirror { get; set; } = true;

    public double RotationDegrees { get; set; } = 15;

    public double Zoom { get; set; } = 0.15;

    public double Shift { get; set; } = 0.1;

    public double ColourJitter { get; set; } = 0.2;

    public AugmentationRanges Ranges() => new()
    {
        Mirror = Mirror,
        RotationDegrees = RotationDegrees,
        Zoom = Zoom,
        Shift = Shift,
        ColourJitter = ColourJitter,
    };
}
