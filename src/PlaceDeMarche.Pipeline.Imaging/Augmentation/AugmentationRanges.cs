namespace PlaceDeMarche.Pipeline.Imaging.Augmentation;

/// <summary>How far each transform may go (Keras-style ranges: each variant draws uniformly within them).</summary>
public sealed record AugmentationRanges
{
    public bool Mirror { get; init; } = true;

    /// <summary>Rotation drawn in ± this many degrees.</summary>
    public double RotationDegrees { get; init; } = 15;

    /// <summary>Zoom factor drawn in [1 − z, 1 + z] (above 1 crops in).</summary>
    public double Zoom { get; init; } = 0.15;

    /// <summary>Translation drawn in ± this fraction of the width and of the height.</summary>
    public double Shift { get; init; } = 0.1;

    /// <summary>Brightness, contrast and saturation factors drawn in [1 − j, 1 + j].</summary>
    public double ColourJitter { get; init; } = 0.2;

    /// <summary>Draws one variant from <paramref name="random"/> (a value in [0, 1) per call).</summary>
    public PhotoAugmentation Draw(Func<double> random)
    {
        double Symmetric(double range) => (2 * random() - 1) * range;
        return new PhotoAugmentation(
            Mirror && random() < 0.5,
            Symmetric(RotationDegrees),
            1 + Symmetric(Zoom),
            Symmetric(Shift),
            Symmetric(Shift),
            1 + Symmetric(ColourJitter),
            1 + Symmetric(ColourJitter),
            1 + Symmetric(ColourJitter));
    }
}
