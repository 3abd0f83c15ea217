namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>
/// The representations of the image study, in report order. Only products with a usable photo are in their tables.
/// </summary>
public static class ImageRepresentation
{
    /// <summary>The pretrained CNNs (sections of <c>images.cnn</c> in pipeline.yaml): one embedding stage each.</summary>
    public static IReadOnlyList<string> CnnModels { get; } = ["mobilenetv2", "resnet18"];

    /// <summary>The pretrained-CNN representations (each model, then their combination); metrics <c>image.cnn.&lt;name&gt;.*</c>.</summary>
    public static IReadOnlyList<ScoredRepresentation> Cnn { get; } =
    [
        CnnRepresentation("mobilenetv2", "CNN préentraîné (MobileNetV2)", ImageArtifactPaths.CnnEmbedding("mobilenetv2")),
        CnnRepresentation("resnet18", "CNN préentraîné (ResNet18)", ImageArtifactPaths.CnnEmbedding("resnet18")),
        CnnRepresentation("combined", "CNN préentraînés combinés (ResNet18 + MobileNetV2)", ImageArtifactPaths.CnnCombined),
    ];

    public static IReadOnlyList<ScoredRepresentation> All { get; } =
    [
        new("image", "sift", "SIFT + mots visuels", ImageArtifactPaths.SiftBagOfWords),
        new("image", "colorhist", "Couleurs (HSV)", ImageArtifactPaths.ColorHistograms),
        .. Cnn,
    ];

    /// <summary>The representation name of a pretrained CNN's embeddings, e.g. <c>cnn-resnet18</c>.</summary>
    public static string CnnMethod(string model) => "cnn-" + model;

    private static ScoredRepresentation CnnRepresentation(string name, string label, string features) =>
        new("image", CnnMethod(name), label, features)
        {
            MetricPrefix = $"image.cnn.{name}",
            NotRunNote = "non exécuté : modèle indisponible",
        };
}
