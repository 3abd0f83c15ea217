namespace PlaceDeMarche.Pipeline.Numerics.Evaluation;

/// <summary>
/// Outcome of scoring one representation: the 2-D t-SNE map, the KMeans clusters found on it, and how well those
/// clusters agree with the true categories.
/// </summary>
public sealed record ScoringResult
{
    public required float[] TSneX { get; init; }

    public required float[] TSneY { get; init; }

    /// <summary>KMeans cluster of each item, on the t-SNE map.</summary>
    public required int[] Clusters { get; init; }

    /// <summary>Adjusted Rand index between <see cref="Clusters"/> and the categories.</summary>
    public required double AdjustedRandIndex { get; init; }

    public required double NormalizedMutualInformation { get; init; }

    public required double Homogeneity { get; init; }

    public required double Completeness { get; init; }

    /// <summary>Mean silhouette of <see cref="Clusters"/> on the t-SNE map.</summary>
    public required double Silhouette { get; init; }

    /// <summary>Share of items whose cluster maps to their category after optimal (Hungarian) matching.</summary>
    public required double MatchedAccuracy { get; init; }

    /// <summary>Category (rows) by matched cluster (columns) counts, in category order.</summary>
    public required long[,] ConfusionMatrix { get; init; }

    /// <summary>ARI of KMeans run directly on the PCA-reduced features, without t-SNE (a check on t-SNE's effect).</summary>
    public required double FeatureSpaceAdjustedRandIndex { get; init; }

    public required int PcaComponents { get; init; }

    public required double PcaExplainedVarianceRatio { get; init; }

    /// <summary>Perplexity actually used: the configured one, lowered for samples too small for it.</summary>
    public required double Perplexity { get; init; }

    public required double KullbackLeiblerDivergence { get; init; }
}
