using PlaceDeMarche.Pipeline.Numerics.Manifold;

namespace PlaceDeMarche.Pipeline.Numerics.Evaluation;

/// <summary>Parameters of the shared scoring protocol (the <c>analysis</c> section of pipeline.yaml).</summary>
public sealed record ScoringOptions
{
    /// <summary>Components kept by the PCA that precedes t-SNE (capped by the data's size).</summary>
    public int PcaComponents { get; init; } = 50;

    public double Perplexity { get; init; } = 30;

    public int TSneIterations { get; init; } = 1000;

    public double EarlyExaggeration { get; init; } = 12;

    public int KMeansRestarts { get; init; } = 10;

    public int KMeansMaxIterations { get; init; } = 300;

    /// <summary>t-SNE starting layout: PCA (deterministic, seed-independent) or random from the run's seed.</summary>
    public TSneInitialization TSneInitialization { get; init; } = TSneInitialization.Pca;

    /// <summary>How many seeds (seed, seed + 1, …) to repeat t-SNE and KMeans with; scores are reported as mean ± std.</summary>
    public int Seeds { get; init; } = 1;
}
