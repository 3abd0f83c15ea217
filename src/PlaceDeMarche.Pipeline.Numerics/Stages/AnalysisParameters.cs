using System.ComponentModel.DataAnnotations;
using PlaceDeMarche.Pipeline.Numerics.Evaluation;
using PlaceDeMarche.Pipeline.Numerics.Manifold;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>The <c>analysis</c> section of pipeline.yaml: the shared scoring protocol's settings.</summary>
public sealed class AnalysisParameters
{
    [Range(1, 10_000)]
    public required int PcaComponents { get; set; }

    /// <summary>Seeds each representation is scored with (seed, seed + 1, …); scores are reported as mean ± std.</summary>
    [Range(1, 1000)]
    public required int Seeds { get; set; }

    public required TSneParameters Tsne { get; set; }

    public required KMeansParameters Kmeans { get; set; }

    /// <summary>The scoring protocol's options these settings describe.</summary>
    public ScoringOptions ToScoringOptions() => new()
    {
        PcaComponents = PcaComponents,
        Perplexity = Tsne.Perplexity,
        TSneIterations = Tsne.Iterations,
        EarlyExaggeration = Tsne.EarlyExaggeration,
        TSneInitialization = Tsne.Init.ToLowerInvariant() switch
        {
            "pca" => TSneInitialization.Pca,
            "random" => TSneInitialization.Random,
            _ => throw new ArgumentException($"analysis.tsne.init must be pca or random, not '{Tsne.Init}'."),
        },
        TSneMethod = TSneMethods.Parse(Tsne.Method, "analysis.tsne.method"),
        BarnesHutThreshold = Tsne.BarnesHutThreshold,
        Theta = Tsne.Theta,
        KMeansRestarts = Kmeans.Restarts,
        KMeansMaxIterations = Kmeans.MaxIterations,
        Seeds = Seeds,
    };
}
