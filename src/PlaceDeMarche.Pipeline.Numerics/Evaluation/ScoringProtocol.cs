using PlaceDeMarche.Pipeline.Numerics.Clustering;
using PlaceDeMarche.Pipeline.Numerics.Compute;
using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Manifold;
using PlaceDeMarche.Pipeline.Numerics.Metrics;

namespace PlaceDeMarche.Pipeline.Numerics.Evaluation;

/// <summary>
/// The protocol every representation (text or image) is scored with, so scores are comparable:
/// features → PCA → t-SNE (2-D) → KMeans with k = number of categories → ARI, NMI, homogeneity, completeness,
/// silhouette and Hungarian-matched accuracy against the true categories.
/// </summary>
public static class ScoringProtocol
{
    /// <summary>Scores with one seed; PCA, t-SNE and KMeans run on <paramref name="backend"/> (the CPU when null).</summary>
    public static ScoringResult Score(DenseMatrix features, int[] categories, ScoringOptions options, int seed, ComputeBackend? backend = null)
    {
        var reduced = Reduce(features, categories, options, backend);
        return ScoreReduced(reduced, Affinities(reduced, options), categories, options, seed, backend);
    }

    /// <summary>
    /// Scores with <see cref="ScoringOptions.Seeds"/> seeds (<paramref name="seed"/>, <paramref name="seed"/> + 1, …).
    /// The PCA and t-SNE's affinities do not depend on the seed, so they are computed once; the seeds then run in parallel, each result stored
    /// at its seed's index, and every run is deterministic on its own, so the output equals a sequential run's.
    /// </summary>
    /// <param name="seedDone">Called after each seed's run (from any thread), for progress.</param>
    /// <param name="backend">Where PCA, t-SNE and KMeans run (the CPU when null).</param>
    public static SeededScores ScoreOverSeeds(
        DenseMatrix features, int[] categories, ScoringOptions options, int seed, Action? seedDone = null, ComputeBackend? backend = null)
    {
        if (options.Seeds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Seeds, "At least one seed is needed.");
        }

        var reduced = Reduce(features, categories, options, backend);
        var affinities = Affinities(reduced, options);
        var runs = new ScoringResult[options.Seeds];
        Parallel.For(
            0,
            runs.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i =>
            {
                runs[i] = ScoreReduced(reduced, affinities, categories, options, seed + i, backend);
                seedDone?.Invoke();
            });
        return new SeededScores(runs);
    }

    private static PcaResult Reduce(DenseMatrix features, int[] categories, ScoringOptions options, ComputeBackend? backend)
    {
        if (categories.Length != features.Rows)
        {
            throw new ArgumentException($"{features.Rows} feature rows but {categories.Length} categories.", nameof(categories));
        }

        var components = Math.Max(1, Math.Min(options.PcaComponents, Math.Min(features.Rows - 1, features.Columns)));
        return Pca.Fit(features, PcaOptions.WithComponentCount(components), backend);
    }

    private static TSneAffinities Affinities(PcaResult pca, ScoringOptions options) =>
        TSneAffinities.Compute(pca.Projection, TSneSettings(options, EffectivePerplexity(options.Perplexity, pca.Projection.Rows), seed: 0));

    private static TSneOptions TSneSettings(ScoringOptions options, double perplexity, int seed) => new()
    {
        Perplexity = perplexity,
        MaxIterations = options.TSneIterations,
        EarlyExaggeration = options.EarlyExaggeration,
        Initialization = options.TSneInitialization,
        Method = options.TSneMethod,
        BarnesHutThreshold = options.BarnesHutThreshold,
        Theta = options.Theta,
        Seed = seed,
    };

    private static ScoringResult ScoreReduced(
        PcaResult pca, TSneAffinities affinities, int[] categories, ScoringOptions options, int seed, ComputeBackend? backend)
    {
        var reduced = pca.Projection;
        var clusterCount = categories.Distinct().Count();
        var perplexity = affinities.Perplexity;
        var tsne = TSne.Fit(reduced, affinities, TSneSettings(options, perplexity, seed), backend);

        var kmeansOptions = new KMeansOptions
        {
            ClusterCount = clusterCount,
            InitCount = options.KMeansRestarts,
            MaxIterations = options.KMeansMaxIterations,
            Seed = seed,
        };
        var clusters = KMeans.Fit(tsne.Embedding, kmeansOptions, backend).Labels.ToArray();
        var featureClusters = KMeans.Fit(reduced, kmeansOptions, backend).Labels.ToArray();
        var vmeasure = VMeasure.Compute(categories, clusters);
        var mapping = ClusterCategoryMapper.Map(categories, clusters);
        return new ScoringResult
        {
            TSneX = Column(tsne.Embedding, 0),
            TSneY = Column(tsne.Embedding, 1),
            Clusters = clusters,
            AdjustedRandIndex = AdjustedRandIndex.Compute(categories, clusters),
            NormalizedMutualInformation = NormalizedMutualInformation.Compute(categories, clusters),
            Homogeneity = vmeasure.Homogeneity,
            Completeness = vmeasure.Completeness,
            Silhouette = clusterCount > 1 ? Silhouette.Score(tsne.Embedding, clusters) : 0,
            MatchedAccuracy = mapping.Accuracy,
            ConfusionMatrix = mapping.ConfusionMatrix,
            FeatureSpaceAdjustedRandIndex = AdjustedRandIndex.Compute(categories, featureClusters),
            PcaComponents = pca.ComponentCount,
            PcaExplainedVarianceRatio = pca.ExplainedVarianceRatio.Sum(),
            Perplexity = perplexity,
            KullbackLeiblerDivergence = tsne.KullbackLeiblerDivergence,
        };
    }

    /// <summary>
    /// t-SNE needs perplexity well below the sample size; small samples (the committed demo) get (n - 1) / 3,
    /// the largest value whose neighbourhoods still fit.
    /// </summary>
    public static double EffectivePerplexity(double configured, int rows) => Math.Min(configured, Math.Max(1.0, (rows - 1) / 3.0));

    private static float[] Column(DenseMatrix matrix, int column)
    {
        var values = new float[matrix.Rows];
        for (var row = 0; row < matrix.Rows; row++)
        {
            values[row] = matrix[row, column];
        }

        return values;
    }
}
