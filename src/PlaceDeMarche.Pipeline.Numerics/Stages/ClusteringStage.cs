using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Numerics.Evaluation;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>
/// Scores one representation of the products with the shared protocol (PCA → t-SNE → KMeans → agreement with the
/// true categories). One instance per representation, so each is cached on its own.
/// </summary>
public sealed class ClusteringStage : Stage<ClusteringParameters>
{
    private readonly string features;
    private readonly string assignments;
    private readonly string metrics;
    private readonly string metricPrefix;

    /// <param name="metricPrefix">Prefix of the published metrics, e.g. <c>text.tfidf</c> gives <c>text.tfidf.ari_mean</c> (over the seeds) and <c>text.tfidf.ari_first_seed</c>.</param>
    public ClusteringStage(string name, string features, string assignments, string metrics, string metricPrefix)
    {
        Name = name;
        this.features = features;
        this.assignments = assignments;
        this.metrics = metrics;
        this.metricPrefix = metricPrefix;
        Inputs = [features];
        Outputs = [assignments, metrics];
    }

    public override string Name { get; }

    public override string Description => $"Score {metricPrefix}: PCA, t-SNE, KMeans, ARI/NMI/silhouette against the categories";

    public override IReadOnlyList<string> Inputs { get; }

    public override IReadOnlyList<string> Outputs { get; }

    protected override ClusteringParameters BindParameters(PipelineConfiguration configuration) =>
        new(configuration.Seed, configuration.Bind<NumericsParameters>("numerics"), configuration.Bind<AnalysisParameters>("analysis"));

    protected override void Run(StageContext context, ClusteringParameters parameters)
    {
        var table = FeatureTable.Read(context.InputPath(features));
        if (table.Vectors.Length == 0)
        {
            // An optional representation that did not run (e.g. no transformer model): nothing to score.
            new ClusterAssignmentTable([], [], [], [], []).Write(context.OutputPath(assignments));
            MetricTable.Write(context.OutputPath(metrics), []);
            context.PublishMetric($"{metricPrefix}.scored", false);
            context.Log.Info($"{Name}: not run: {features} has no rows");
            return;
        }

        var (_, categories) = table.CategoryCodes();
        var matrix = DenseMatrix.FromRows(table.Vectors);
        var options = parameters.Analysis.ToScoringOptions();
        var backend = parameters.Numerics.OpenForRun(context);
        if (ScoringProtocol.EffectivePerplexity(options.Perplexity, matrix.Rows) < options.Perplexity)
        {
            context.Log.Warning($"{Name}: {matrix.Rows} products are too few for perplexity {options.Perplexity}; using {ScoringProtocol.EffectivePerplexity(options.Perplexity, matrix.Rows):F1}");
        }

        context.Progress.Start(options.Seeds, "seeds");
        var scores = ScoringProtocol.ScoreOverSeeds(matrix, categories, options, parameters.Seed, context.Progress.Advance, backend);
        var result = scores.Runs[0];
        new ClusterAssignmentTable(table.Ids, table.Categories, result.Clusters, result.TSneX, result.TSneY).Write(context.OutputPath(assignments));
        var metricValues = new List<KeyValuePair<string, double>>
        {
            new("ari_first_seed", result.AdjustedRandIndex),
            new("ari_mean", scores.Mean(r => r.AdjustedRandIndex)),
            new("ari_std", scores.StandardDeviation(r => r.AdjustedRandIndex)),
            new("nmi_first_seed", result.NormalizedMutualInformation),
            new("nmi_mean", scores.Mean(r => r.NormalizedMutualInformation)),
            new("homogeneity_first_seed", result.Homogeneity),
            new("homogeneity_mean", scores.Mean(r => r.Homogeneity)),
            new("completeness_first_seed", result.Completeness),
            new("completeness_mean", scores.Mean(r => r.Completeness)),
            new("silhouette_first_seed", result.Silhouette),
            new("silhouette_mean", scores.Mean(r => r.Silhouette)),
            new("matched_accuracy_first_seed", result.MatchedAccuracy),
            new("matched_accuracy_mean", scores.Mean(r => r.MatchedAccuracy)),
            new("feature_space_ari_first_seed", result.FeatureSpaceAdjustedRandIndex),
            new("feature_space_ari_mean", scores.Mean(r => r.FeatureSpaceAdjustedRandIndex)),
            new("seeds", scores.Runs.Count),
            new("pca_components", result.PcaComponents),
            new("pca_explained_variance", result.PcaExplainedVarianceRatio),
            new("perplexity", result.Perplexity),
            new("kl_divergence", result.KullbackLeiblerDivergence),
        };
        StageMetrics.WriteAndPublish(context, context.OutputPath(metrics), metricPrefix, metricValues);

        context.Log.Info($"{Name}: ARI {result.AdjustedRandIndex:F3} (mean {scores.Mean(r => r.AdjustedRandIndex):F3} ± {scores.StandardDeviation(r => r.AdjustedRandIndex):F3} over {scores.Runs.Count} seeds), NMI {result.NormalizedMutualInformation:F3}, silhouette {result.Silhouette:F3} ({matrix.Rows} products, {matrix.Columns} features)");
    }
}
