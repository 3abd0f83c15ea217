using System.Numerics.Tensors;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Metrics;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>
/// NMF topics of the TF-IDF matrix: each product's topic weights become its representation (scored by clustering
/// like the others), and its strongest topic is scored directly against the categories.
/// </summary>
public sealed class NmfStage : Stage<SeededParameters<NmfParameters>>
{
    public override string Name => "TextNmf";

    public override string Description => "Find NMF topics in the TF-IDF vectors; products as topic weights";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.TfIdfFeatures, ArtifactPaths.TfIdfVocabulary];

    public override IReadOnlyList<string> Outputs { get; } = [ArtifactPaths.TextNmfFeatures, ArtifactPaths.TextNmfTopics];

    protected override SeededParameters<NmfParameters> BindParameters(PipelineConfiguration configuration) =>
        new(configuration.Seed, configuration.Bind<NmfParameters>("text.nmf"));

    protected override void Run(StageContext context, SeededParameters<NmfParameters> parameters)
    {
        var table = FeatureTable.Read(context.InputPath(ArtifactPaths.TfIdfFeatures));
        var terms = ParquetArtifact.Read(context.InputPath(ArtifactPaths.TfIdfVocabulary)).GetStrings("term");
        var tfidf = SparseRowMatrix.FromDense(DenseMatrix.FromRows(table.Vectors));
        var section = parameters.Section;
        var nmf = Nmf.Fit(tfidf, new NmfOptions { Components = section.Components, MaxIterations = section.MaxIterations, Seed = parameters.Seed });
        new FeatureTable(table.Ids, table.Categories, RowVectors.Copy(nmf.W)).Write(context.OutputPath(ArtifactPaths.TextNmfFeatures));
        TopTerms(nmf.H, terms, section.TopTerms).Write(context.OutputPath(ArtifactPaths.TextNmfTopics));

        var (_, categories) = table.CategoryCodes();
        var strongestTopic = Enumerable.Range(0, nmf.W.Rows).Select(i => TensorPrimitives.IndexOfMax(nmf.W.Row(i))).ToArray();
        var ari = AdjustedRandIndex.Compute(categories, strongestTopic);
        context.PublishMetric("text.nmf.argmax_ari", Math.Round(ari, 6));
        context.PublishMetric("text.nmf.reconstruction_error", Math.Round(nmf.ReconstructionError, 6));
        context.Log.Info($"TextNmf: {section.Components} topics in {nmf.Iterations} iterations; strongest topic vs category ARI {ari:F3}");
    }

    private static TopicTermTable TopTerms(DenseMatrix topicTerms, string?[] terms, int count)
    {
        var topics = new List<int>();
        var ranks = new List<int>();
        var words = new List<string>();
        var weights = new List<float>();
        for (var topic = 0; topic < topicTerms.Rows; topic++)
        {
            var row = topicTerms.Row(topic).ToArray();
            var strongest = Enumerable.Range(0, row.Length).OrderByDescending(i => row[i]).ThenBy(i => i).Take(count).ToArray();
            for (var rank = 0; rank < strongest.Length; rank++)
            {
                topics.Add(topic);
                ranks.Add(rank);
                words.Add(terms[strongest[rank]]!);
                weights.Add(row[strongest[rank]]);
            }
        }

        return new TopicTermTable([.. topics], [.. ranks], [.. words], [.. weights]);
    }
}
