using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Text.Embeddings;
using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>
/// Trains word vectors on the corpus itself (no pretrained model exists offline) — Word2Vec, or its fastText-style
/// subword variant — and turns each product into the mean, the IDF-weighted mean and the SIF embedding (Arora et al.
/// 2017: weights a / (a + p(w)) from the corpus' word frequencies, common component removed) of its words' vectors.
/// </summary>
public sealed class WordEmbeddingStage : Stage<WordEmbeddingStageParameters>
{
    private readonly bool subwords;
    private readonly string model;

    /// <param name="subwords">True for the fastText-style model (character n-grams), false for Word2Vec.</param>
    public WordEmbeddingStage(bool subwords)
    {
        this.subwords = subwords;
        model = subwords ? "fasttext" : "word2vec";
        Outputs = [ArtifactPaths.TextEmbedding(model, "mean"), ArtifactPaths.TextEmbedding(model, "tfidf"), ArtifactPaths.TextEmbedding(model, "sif")];
    }

    public override string Name => subwords ? "TextFastText" : "TextWord2Vec";

    public override string Description => subwords
        ? "Train fastText-style subword vectors on the corpus; products as mean, IDF-weighted mean and SIF"
        : "Train Word2Vec (skip-gram, negative sampling) on the corpus; products as mean, IDF-weighted mean and SIF";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.TextDocuments, ArtifactPaths.TfIdfVocabulary];

    public override IReadOnlyList<string> Outputs { get; }

    protected override WordEmbeddingStageParameters BindParameters(PipelineConfiguration configuration) => new(
        configuration.Seed,
        configuration.Bind<WordEmbeddingParameters>("text.word2vec"),
        subwords ? configuration.Bind<SubwordParameters>("text.fasttext") : null,
        configuration.Bind<SifParameters>("text.sif"));

    protected override void Run(StageContext context, WordEmbeddingStageParameters parameters)
    {
        var documents = DocumentTable.Read(context.InputPath(ArtifactPaths.TextDocuments));
        var tokens = documents.TokenArrays();
        var training = parameters.Training.ToOptions(parameters.Seed);
        IWordVectorSource vectors = parameters.Subwords is { } ngrams
            ? FastTextModel.Train(tokens, new FastTextOptions { Training = training, MinN = ngrams.MinN, MaxN = ngrams.MaxN, BucketCount = ngrams.Buckets })
            : Word2Vec.Train(tokens, training);

        var vocabulary = ParquetArtifact.Read(context.InputPath(ArtifactPaths.TfIdfVocabulary));
        var idf = new TermWeights(new Vocabulary(vocabulary.GetStrings("term").Select(t => t!)), vocabulary.GetDoubles("idf"));
        var embedder = new DocumentEmbedder(vectors);
        new FeatureTable(documents.Ids, documents.Categories, embedder.EmbedAll(tokens)).Write(context.OutputPath(Outputs[0]));
        new FeatureTable(documents.Ids, documents.Categories, embedder.EmbedAll(tokens, idf)).Write(context.OutputPath(Outputs[1]));
        var sif = TermWeights.Sif(tokens, parameters.Sif.A);
        new FeatureTable(documents.Ids, documents.Categories, embedder.EmbedAllSif(tokens, sif)).Write(context.OutputPath(Outputs[2]));
        context.Log.Info($"{Name}: {vectors.Dimensions}-d vectors trained on {tokens.Sum(t => t.Length)} tokens");
    }
}
