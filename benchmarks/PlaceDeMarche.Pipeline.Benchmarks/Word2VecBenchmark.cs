using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Benchmarks;

/// <summary>Peer of reference/word2vec.py: skip-gram with negative sampling, gensim's settings, one thread.</summary>
internal static class Word2VecBenchmark
{
    public static void Run(string csvPath)
    {
        var (tokens, _) = BenchmarkInputs.CleanedProducts(csvPath);
        var vectors = Word2Vec.Train(tokens, new Word2VecOptions
        {
            Dimensions = 100,
            Window = 5,
            Negative = 5,
            MinCount = 2,
            Epochs = 10,
        });
        var tokenCount = tokens.Sum(t => (long)t.Length);
        var probe = vectors.Vocabulary.Count > 0 ? vectors.MostSimilar(vectors.Vocabulary[0], 1)[0] : default;
        Console.WriteLine($"ours: {tokens.Length} documents, {tokenCount} tokens, vocabulary {vectors.Vocabulary.Count} words x {vectors.Dimensions}, nearest to most frequent: {probe}");
    }
}
