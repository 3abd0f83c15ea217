using PlaceDeMarche.Pipeline.Imaging.Augmentation;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>The <c>images.augmentation</c> section of pipeline.yaml: which CNNs embed augmented copies, how many, how far each transform goes.</summary>
public sealed class ImageAugmentationParameters
{
    /// <summary>The CNNs (sections of <c>images.cnn</c>) whose augmented embeddings are computed; the others' stages write an empty table.</summary>
    public required string[] Models { get; set; }

    /// <summary>Augmented copies per photo.</summary>
    public required int Copies { get; set; }

    public required bool Mirror { get; set; }

    public required double RotationDegrees { get; set; }

    public required double Zoom { get; set; }

    public required double Shift { get; set; }

    public required double ColourJitter { get; set; }

    public AugmentationRanges Ranges() => new()
    {
        Mirror = Mirror,
        RotationDegrees = RotationDegrees,
        Zoom = Zoom,
        Shift = Shift,
        ColourJitter = ColourJitter,
    };
}
