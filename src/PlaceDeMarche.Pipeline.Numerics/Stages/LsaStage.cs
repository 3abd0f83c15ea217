using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>
/// LSA: a randomized truncated SVD of the (sparse) TF-IDF matrix, rows then L2-normalised so that products compare
/// by direction, as in the usual LSA-then-cluster recipe.
/// </summary>
public sealed class LsaStage : Stage<SeededParameters<LsaParameters>>
{
    public override string Name => "TextLsa";

    public override string Description => "Reduce the TF-IDF vectors by latent semantic analysis (truncated SVD)";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.TfIdfFeatures];

    public override IReadOnlyList<string> Outputs { get; } = [ArtifactPaths.TextLsaFeatures];

    protected override SeededParameters<LsaParameters> BindParameters(PipelineConfiguration configuration) =>
        new(configuration.Seed, configuration.Bind<LsaParameters>("text.lsa"));

    protected override void Run(StageContext context, SeededParameters<LsaParameters> parameters)
    {
        var table = FeatureTable.Read(context.InputPath(ArtifactPaths.TfIdfFeatures));
        var tfidf = SparseRowMatrix.FromDense(DenseMatrix.FromRows(table.Vectors));
        var components = Math.Min(parameters.Section.Components, Math.Min(tfidf.Rows, tfidf.Columns) - 1);
        var svd = TruncatedSvd.Fit(tfidf, new TruncatedSvdOptions { Components = components, Seed = parameters.Seed });
        var vectors = RowVectors.Normalized(svd.Projection);
        new FeatureTable(table.Ids, table.Categories, vectors).Write(context.OutputPath(ArtifactPaths.TextLsaFeatures));
        context.PublishMetric("text.lsa.explained_variance", Math.Round(svd.ExplainedVarianceRatio.Sum(), 6));
        context.Log.Info($"TextLsa: {components} components explain {svd.ExplainedVarianceRatio.Sum():P1} of the TF-IDF variance");
    }
}
