using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>
/// NMF topics of the TF-IDF matrix: each product's topic weights become its representation (scored by clustering
/// like the others), and its strongest topic is scored directly against the categories.
/// </summary>
public sealed class NmfStage : Stage<SeededParameters<NmfParameters>>
{
    private static readonly TopicModelArtifacts Artifacts =
        new(ArtifactPaths.TextNmfFeatures, ArtifactPaths.TextNmfTopics, ArtifactPaths.TextNmfMetrics, "text.nmf");

    public override string Name => "TextNmf";

    public override string Description => "Find NMF topics in the TF-IDF vectors; products as topic weights";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.TfIdfFeatures, ArtifactPaths.TfIdfVocabulary];

    public override IReadOnlyList<string> Outputs { get; } = [Artifacts.Features, Artifacts.Topics, Artifacts.Metrics];

    protected override SeededParameters<NmfParameters> BindParameters(PipelineConfiguration configuration) =>
        new(configuration.Seed, configuration.Bind<NmfParameters>("text.nmf"));

    protected override void Run(StageContext context, SeededParameters<NmfParameters> parameters)
    {
        var table = FeatureTable.Read(context.InputPath(ArtifactPaths.TfIdfFeatures));
        var terms = ParquetArtifact.Read(context.InputPath(ArtifactPaths.TfIdfVocabulary)).GetStrings("term");
        var tfidf = SparseRowMatrix.FromDense(DenseMatrix.FromRows(table.Vectors));
        var section = parameters.Section;
        var nmf = Nmf.Fit(tfidf, new NmfOptions { Components = section.Components, MaxIterations = section.MaxIterations, Seed = parameters.Seed });
        var ari = TopicModelOutputs.Write(context, Artifacts, table, nmf.W, nmf.H, terms, [new("reconstruction_error", nmf.ReconstructionError)]);
        context.Log.Info($"TextNmf: {section.Components} topics in {nmf.Iterations} iterations; strongest topic vs category ARI {ari:F3}");
    }
}
