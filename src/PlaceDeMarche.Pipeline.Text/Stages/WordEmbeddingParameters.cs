using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Text.Stages;

/// <summary>
/// Skip-gram training with negative sampling: the <c>text.word2vec</c> section of pipeline.yaml (shared by the
/// fastText variant) and the <c>text.doc2vec</c> section.
/// </summary>
public sealed class WordEmbeddingParameters
{
    public int Dimensions { get; set; } = 100;

    public int Window { get; set; } = 5;

    public int Negative { get; set; } = 5;

    public int MinCount { get; set; } = 2;

    public double Sample { get; set; } = 1e-3;

    public int Epochs { get; set; } = 5;

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
