using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Topics;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>
/// LDA topics of the bag-of-words counts with scikit-learn's priors (1 / k): each product's topic proportions become
/// its representation (scored by clustering like the others), and its most probable topic is scored directly against
/// the categories, as for NMF. The study uses batch variational Bayes (<c>text.lda.method</c>) because its result is
/// a smooth function of the data (no sampling noise in the proportions) and it matches scikit-learn's
/// LatentDirichletAllocation step for step, so the Python peers can reproduce it; collapsed Gibbs sampling is the
/// selectable alternative.
/// </summary>
public sealed class LdaStage : Stage<SeededParameters<LdaParameters>>
{
    private static readonly TopicModelArtifacts Artifacts =
        new(ArtifactPaths.TextLdaFeatures, ArtifactPaths.TextLdaTopics, ArtifactPaths.TextLdaMetrics, "text.lda");

    public override string Name => "TextLda";

    public override string Description => "Find LDA topics in the bag-of-words counts; products as topic proportions";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.BagOfWordsFeatures, ArtifactPaths.BagOfWordsVocabulary];

    public override IReadOnlyList<string> Outputs { get; } = [Artifacts.Features, Artifacts.Topics, Artifacts.Metrics];

    protected override SeededParameters<LdaParameters> BindParameters(PipelineConfiguration configuration) =>
        new(configuration.Seed, configuration.Bind<LdaParameters>("text.lda"));

    protected override void Run(StageContext context, SeededParameters<LdaParameters> parameters)
    {
        var table = FeatureTable.Read(context.InputPath(ArtifactPaths.BagOfWordsFeatures));
        var terms = ParquetArtifact.Read(context.InputPath(ArtifactPaths.BagOfWordsVocabulary)).GetStrings("term");
        var counts = SparseRowMatrix.FromDense(DenseMatrix.FromRows(table.Vectors));
        var section = parameters.Section;
        var lda = Lda.Fit(counts, new LdaOptions
        {
            Topics = section.Components,
            Method = section.Method == "collapsed_gibbs" ? LdaMethod.CollapsedGibbs : LdaMethod.VariationalBayes,
            MaxIterations = section.MaxIterations,
            Seed = parameters.Seed,
        });
        var ari = TopicModelOutputs.Write(context, Artifacts, table, lda.DocumentTopics, lda.TopicWords, terms, [new("model_perplexity", lda.Perplexity)]);
        context.Log.Info($"TextLda: {section.Components} topics in {lda.Iterations} iterations, perplexity {lda.Perplexity:F1}; most probable topic vs category ARI {ari:F3}");
    }
}
