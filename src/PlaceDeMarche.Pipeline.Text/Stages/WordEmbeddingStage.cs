using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>
/// Trains word vectors on the corpus itself (no pretrained model exists offline) — Word2Vec, or its fastText-style
/// subword variant — and writes the vector of every corpus word that has one. It reads only the documents and the
/// training settings, so a pooling setting (SIF's a, the TF-IDF vocabulary) never retrains it: the
/// <see cref="WordVectorPoolingStage"/>s turn the vectors into product vectors.
/// </summary>
public sealed class WordEmbeddingStage : Stage<WordEmbeddingStageParameters>
{
    private readonly bool subwords;

    /// <param name="subwords">True for the fastText-style model (character n-grams), false for Word2Vec.</param>
    public WordEmbeddingStage(bool subwords)
    {
        this.subwords = subwords;
        Outputs = [ArtifactPaths.TextWordVectors(WordVectorPoolingStage.ModelName(subwords))];
    }

    public override string Name => subwords ? "TextFastText" : "TextWord2Vec";

    public override string Description => subwords
        ? "Train fastText-style subword vectors on the corpus (vectors of its words, rare ones from their n-grams)"
        : "Train Word2Vec (skip-gram, negative sampling) on the corpus (vectors of its words)";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.TextDocuments];

    public override IReadOnlyList<string> Outputs { get; }

    protected override WordEmbeddingStageParameters BindParameters(PipelineConfiguration configuration) => new(
        configuration.Seed,
        configuration.Bind<WordEmbeddingParameters>("text.word2vec"),
        subwords ? configuration.Bind<SubwordParameters>("text.fasttext") : null);

    protected override void Run(StageContext context, WordEmbeddingStageParameters parameters)
    {
        var tokens = DocumentTable.Read(context.InputPath(ArtifactPaths.TextDocuments)).TokenArrays();
        var training = parameters.Training.ToOptions(parameters.Seed);
        IWordVectorSource vectors = parameters.Subwords is { } ngrams
            ? FastTextModel.Train(tokens, new FastTextOptions { Training = training, MinN = ngrams.MinN, MaxN = ngrams.MaxN, BucketCount = ngrams.Buckets })
            : Word2Vec.Train(tokens, training);
        var table = WordVectorTable.Capture(vectors, tokens);
        table.Write(context.OutputPath(Outputs[0]));
        context.Log.Info($"{Name}: {vectors.Dimensions}-d vectors trained on {tokens.Sum(t => t.Length)} tokens, {table.Words.Length} corpus words with a vector");
    }
}
