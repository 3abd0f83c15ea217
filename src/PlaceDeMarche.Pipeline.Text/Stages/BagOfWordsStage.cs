using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Numerics.Stages;
using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>
/// Raw term counts of the cleaned documents (bag of words) and their vocabulary: a representation of its own, and
/// the input of LDA, whose generative model explains counts, not TF-IDF weights.
/// </summary>
public sealed class BagOfWordsStage : Stage<BagOfWordsParameters>
{
    public override string Name => "TextBagOfWords";

    public override string Description => "Represent each product's text as raw term counts (bag of words)";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.TextDocuments];

    public override IReadOnlyList<string> Outputs { get; } = [ArtifactPaths.BagOfWordsFeatures, ArtifactPaths.BagOfWordsVocabulary];

    protected override BagOfWordsParameters BindParameters(PipelineConfiguration configuration) =>
        configuration.Bind<BagOfWordsParameters>("text.bow");

    protected override void Run(StageContext context, BagOfWordsParameters parameters)
    {
        var documents = DocumentTable.Read(context.InputPath(ArtifactPaths.TextDocuments));
        var vectorizer = new CountVectorizer(parameters.ToCountOptions());
        var counts = vectorizer.FitTransform(documents.TokenArrays());
        new FeatureTable(documents.Ids, documents.Categories, RowVectors.Copy(counts.ToDense())).Write(context.OutputPath(ArtifactPaths.BagOfWordsFeatures));
        ParquetArtifact.Write(context.OutputPath(ArtifactPaths.BagOfWordsVocabulary), [new StringColumn("term", vectorizer.Vocabulary.Terms.ToArray())]);
        context.PublishMetric("text.bow.vocabulary_size", counts.Columns);
        context.Log.Info($"TextBagOfWords: {counts.Rows} x {counts.Columns} count matrix, {counts.NonZeroCount} non-zero values");
    }
}
