using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>
/// Skip-gram training with negative sampling: the <c>text.word2vec</c> section of pipeline.yaml (shared by the
/// fastText variant) and the <c>text.doc2vec</c> section.
/// </summary>
public sealed class WordEmbeddingParameters
{
    public required int Dimensions { get; set; }

    public required int Window { get; set; }

    public required int Negative { get; set; }

    public required int MinCount { get; set; }

    public required double Sample { get; set; }

    public required int Epochs { get; set; }

    public Word2VecOptions ToOptions(int seed) => new()
    {
        Dimensions = Dimensions,
        Window = Window,
        Negative = Negative,
        MinCount = MinCount,
        Sample = Sample,
        Epochs = Epochs,
        Seed = (ulong)seed,
    };
}
