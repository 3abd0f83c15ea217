using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Numerics.Stages;
using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>TF-IDF vectors of the cleaned documents, and the vocabulary with each term's idf.</summary>
public sealed class TextFeaturesStage : Stage<TfIdfParameters>
{
    public override string Name => "TextFeatures";

    public override string Description => "Represent each product's text as a TF-IDF vector (uni- and bi-grams)";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.TextDocuments];

    public override IReadOnlyList<string> Outputs { get; } = [ArtifactPaths.TfIdfFeatures, ArtifactPaths.TfIdfVocabulary];

    protected override TfIdfParameters BindParameters(PipelineConfiguration configuration) =>
        configuration.Bind<TfIdfParameters>("text.tfidf");

    protected override void Run(StageContext context, TfIdfParameters parameters)
    {
        var documents = DocumentTable.Read(context.InputPath(ArtifactPaths.TextDocuments));
        var vectorizer = new TfIdfVectorizer(parameters.ToOptions());
        var matrix = vectorizer.FitTransform(documents.TokenArrays());
        new FeatureTable(documents.Ids, documents.Categories, RowVectors.Copy(matrix.ToDense())).Write(context.OutputPath(ArtifactPaths.TfIdfFeatures));
        ParquetArtifact.Write(context.OutputPath(ArtifactPaths.TfIdfVocabulary),
        [
            new StringColumn("term", vectorizer.Vocabulary.Terms.ToArray()),
            new PrimitiveColumn<double>("idf", vectorizer.Idf.ToArray()),
        ]);
        context.PublishMetric("text.tfidf.vocabulary_size", matrix.Columns);
        context.Log.Info($"TextFeatures: {matrix.Rows} x {matrix.Columns} TF-IDF matrix, {matrix.NonZeroCount} non-zero values");
    }
}
