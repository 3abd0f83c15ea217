namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>
/// One way of turning product photos into vectors, scored by the shared protocol. <see cref="Method"/> names its
/// artifacts (<c>clustering/image-&lt;method&gt;.parquet</c>) and metrics (<c>image.&lt;method&gt;.ari_mean</c>).
/// Only products with a usable photo are in these tables.
/// </summary>
public sealed record ImageRepresentation(string Method, string Label, string Features)
{
    /// <summary>The representations of the image study, in report order.</summary>
    public static IReadOnlyList<ImageRepresentation> All { get; } =
    [
        new("sift", "SIFT + mots visuels", ImageArtifactPaths.SiftBagOfWords),
        new("colorhist", "Couleurs (HSV)", ImageArtifactPaths.ColorHistograms),
    ];

    public string Clusters => $"data/artifacts/clustering/image-{Method}.parquet";

    public string ClusterMetrics => $"data/artifacts/clustering/image-{Method}-metrics.parquet";

    public string MetricPrefix => "image." + Method;

    /// <summary>Name of the stage that scores it, e.g. <c>ImageSiftClustering</c>.</summary>
    public string ClusteringStage => "Image" + char.ToUpperInvariant(Method[0]) + Method[1..] + "Clustering";
}
