namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>
/// The representations of the image study, in report order. Only products with a usable photo are in their tables.
/// </summary>
public static class ImageRepresentation
{
    /// <summary>The CNN representations, in <see cref="CnnModels"/> order; their metrics are <c>image.cnn.&lt;model&gt;.*</c>.</summary>
    public static IReadOnlyList<ScoredRepresentation> Cnn { get; } =
    [
        CnnRepresentation("mobilenetv2", "MobileNetV2"),
        CnnRepresentation("resnet18", "ResNet18"),
    ];

    /// <summary>The pretrained CNNs (sections of <c>images.cnn</c> in pipeline.yaml): one embedding stage each.</summary>
    public static IReadOnlyList<string> CnnModels { get; } = [.. Cnn.Select(r => r.Method[CnnMethodPrefix.Length..])];

    public static IReadOnlyList<ScoredRepresentation> All { get; } =
    [
        new("image", "sift", "SIFT + mots visuels", ImageArtifactPaths.SiftBagOfWords),
        new("image", "colorhist", "Couleurs (HSV)", ImageArtifactPaths.ColorHistograms),
        .. Cnn,
    ];

    private const string CnnMethodPrefix = "cnn-";

    private static ScoredRepresentation CnnRepresentation(string model, string name) =>
        new("image", CnnMethodPrefix + model, $"CNN préentraîné ({name})", ImageArtifactPaths.CnnEmbedding(model))
        {
            MetricPrefix = $"image.cnn.{model}",
            NotRunNote = "non exécuté : modèle indisponible",
        };
}
