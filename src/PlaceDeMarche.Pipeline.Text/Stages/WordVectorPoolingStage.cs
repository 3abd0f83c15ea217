using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Text.Embeddings;
using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>
/// Turns each product into one vector from the word vectors <see cref="WordEmbeddingStage"/> trained: their mean, their
/// IDF-weighted mean (idf of the TF-IDF vocabulary, which only this pooling reads) or SIF (Arora et al. 2017: weights
/// a / (a + p(w)) from the corpus' word frequencies, common component removed). One stage per model and pooling, so
/// a pooling setting reruns that pooling alone and never the training.
/// </summary>
public sealed class WordVectorPoolingStage : Stage<WordVectorPoolingParameters>
{
    /// <summary>The poolings, in the order the stages are listed.</summary>
    public static IReadOnlyList<string> Poolings { get; } = ["mean", "tfidf", "sif"];

    private readonly string model;
    private readonly string pooling;

    /// <param name="subwords">True for the fastText vectors, false for Word2Vec's.</param>
    /// <param name="pooling">One of <see cref="Poolings"/>.</param>
    public WordVectorPoolingStage(bool subwords, string pooling)
    {
        if (!Poolings.Contains(pooling))
            throw new ArgumentException($"Unknown pooling '{pooling}'; use one of {string.Join(", ", Poolings)}.", nameof(pooling));
        this.pooling = pooling;
        model = ModelName(subwords);
        Name = $"{(subwords ? "TextFastText" : "TextWord2Vec")}{char.ToUpperInvariant(pooling[0])}{pooling[1..]}Pooling";
        Inputs = pooling == "tfidf"
            ? [ArtifactPaths.TextDocuments, ArtifactPaths.TextWordVectors(model), ArtifactPaths.TfIdfVocabulary]
            : [ArtifactPaths.TextDocuments, ArtifactPaths.TextWordVectors(model)];
        Outputs = [ArtifactPaths.TextEmbedding(model, pooling)];
    }

    public override string Name { get; }

    public override string Description => pooling switch
    {
        "mean" => $"Products as the mean of their words' {model} vectors",
        "tfidf" => $"Products as the IDF-weighted mean of their words' {model} vectors (idf of the TF-IDF vocabulary)",
        _ => $"Products as the SIF embedding of their words' {model} vectors (weights a / (a + p(w)), common component removed)",
    };

    public override IReadOnlyList<string> Inputs { get; }

    public override IReadOnlyList<string> Outputs { get; }

    /// <summary>The model's name in artifact paths: <c>fasttext</c> or <c>word2vec</c>.</summary>
    public static string ModelName(bool subwords) => subwords ? "fasttext" : "word2vec";

    protected override WordVectorPoolingParameters BindParameters(PipelineConfiguration configuration) =>
        new(pooling == "sif" ? configuration.Bind<SifParameters>("text.sif") : null);

    protected override void Run(StageContext context, WordVectorPoolingParameters parameters)
    {
        var documents = DocumentTable.Read(context.InputPath(ArtifactPaths.TextDocuments));
        var tokens = documents.TokenArrays();
        var embedder = new DocumentEmbedder(WordVectorTable.Read(context.InputPath(ArtifactPaths.TextWordVectors(model))));
        var vectors = pooling switch
        {
            "mean" => embedder.EmbedAll(tokens),
            "tfidf" => embedder.EmbedAll(tokens, Idf(context)),
            _ => embedder.EmbedAllSif(tokens, TermWeights.Sif(tokens, parameters.Sif!.A)),
        };
        new FeatureTable(documents.Ids, documents.Categories, vectors).Write(context.OutputPath(Outputs[0]));
    }

    private static TermWeights Idf(StageContext context)
    {
        var vocabulary = ParquetArtifact.Read(context.InputPath(ArtifactPaths.TfIdfVocabulary));
        return new TermWeights(new Vocabulary(vocabulary.GetStrings("term").Select(t => t!)), vocabulary.GetDoubles("idf"));
    }
}
