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

    /// <summary>Exact or Barnes-Hut t-SNE; <see cref="TSneMethod.Auto"/> chooses by the number of products.</summary>
    public TSneMethod TSneMethod { get; init; } = TSneMethod.Auto;

    /// <summary>Smallest number of products <see cref="TSneMethod.Auto"/> runs Barnes-Hut for.</summary>
    public int BarnesHutThreshold { get; init; } = 5000;

    /// <summary>Barnes-Hut angle (see <see cref="TSneOptions.Theta"/>).</summary>
    public double Theta { get; init; } = 0.5;

    /// <summary>How many seeds (seed, seed + 1, …) to repeat t-SNE and KMeans with; scores are reported as mean ± std.</summary>
    public int Seeds { get; init; } = 1;
}
