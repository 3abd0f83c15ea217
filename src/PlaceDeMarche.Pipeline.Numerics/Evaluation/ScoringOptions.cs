using PlaceDeMarche.Pipeline.Numerics.Manifold;

namespace PlaceDeMarche.Pipeline.Numerics.Evaluation;

/// <summary>
/// Parameters of the shared scoring protocol: the <c>analysis</c> section of pipeline.yaml, set whole by
/// <c>AnalysisParameters.ToScoringOptions</c> (no value here, so none repeats the file or t-SNE's and KMeans' own defaults).
/// </summary>
public sealed record ScoringOptions
{
    /// <summary>Components kept by the PCA that precedes t-SNE (capped by the data's size).</summary>
    public required int PcaComponents { get; init; }

    public required double Perplexity { get; init; }

    public required int TSneIterations { get; init; }

    public required double EarlyExaggeration { get; init; }

    public required int KMeansRestarts { get; init; }

    public required int KMeansMaxIterations { get; init; }

    /// <summary>t-SNE starting layout: PCA (deterministic, seed-independent) or random from the run's seed.</summary>
    public required TSneInitialization TSneInitialization { get; init; }

    /// <summary>Exact or Barnes-Hut t-SNE; <see cref="TSneMethod.Auto"/> chooses by the number of products.</summary>
    public required TSneMethod TSneMethod { get; init; }

    /// <summary>Smallest number of products <see cref="TSneMethod.Auto"/> runs Barnes-Hut for.</summary>
    public required int BarnesHutThreshold { get; init; }

    /// <summary>Barnes-Hut angle (see <see cref="TSneOptions.Theta"/>).</summary>
    public required double Theta { get; init; }

    /// <summary>How many seeds (seed, seed + 1, …) to repeat t-SNE and KMeans with; scores are reported as mean ± std.</summary>
    public required int Seeds { get; init; }
}
