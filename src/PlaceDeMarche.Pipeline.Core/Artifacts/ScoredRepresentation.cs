namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>
/// One way of turning products into vectors, scored by the shared protocol. <see cref="Family"/> (text or image) and
/// <see cref="Method"/> name its artifacts (<c>clustering/&lt;family&gt;-&lt;method&gt;.parquet</c>), its metrics
/// (<c>&lt;family&gt;.&lt;method&gt;.ari_mean</c>, with '-' written '_') and its clustering stage.
/// </summary>
public sealed record ScoredRepresentation(string Family, string Method, string Label, string Features)
{
    /// <summary>What the report shows instead of scores when <see cref="Features"/> has no rows (the method did not run).</summary>
    public string NotRunNote { get; init; } = "non exécuté";

    public string Clusters => $"data/artifacts/clustering/{Family}-{Method}.parquet";

    public string ClusterMetrics => $"data/artifacts/clustering/{Family}-{Method}-metrics.parquet";

    /// <summary>Prefix of its metrics; <c>&lt;family&gt;.&lt;method with '-' written '_'&gt;</c> unless set.</summary>
    public string MetricPrefix { get; init; } = $"{Family}.{Method.Replace('-', '_')}";

    /// <summary>Name of the stage that scores it, e.g. <c>TextWord2vecMeanClustering</c>.</summary>
    public string ClusteringStage =>
        string.Concat(new[] { Family }.Concat(Method.Split('-')).Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "Clustering";
}
