namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>
/// The representations of the image study, in report order. Only products with a usable photo are in their tables.
/// </summary>
public static class ImageRepresentation
{
    public static IReadOnlyList<ScoredRepresentation> All { get; } =
    [
        new("image", "sift", "SIFT + mots visuels", ImageArtifactPaths.SiftBagOfWords),
        new("image", "colorhist", "Couleurs (HSV)", ImageArtifactPaths.ColorHistograms),
    ];
}
