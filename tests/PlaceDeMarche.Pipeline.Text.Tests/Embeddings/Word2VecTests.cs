using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Text.Tests.Embeddings;

public sealed class Word2VecTests
{
    private static readonly Word2VecOptions SmallModel = new() { Dimensions = 32, Epochs = 5, MinCount = 1, Seed = 11 };

    [Fact]
    public void Words_of_a_topic_are_closer_than_words_of_different_topics()
    {
        var vectors = Word2Vec.Train(SyntheticTopicCorpus.Documents(), SmallModel);
        var (within, across) = TopicSimilarities(vectors.Similarity);
        Assert.True(within > across + 0.3, $"mean cosine within topics {within:F3}, across topics {across:F3}");

        var topic = SyntheticTopicCorpus.TopicWords(1);
        var neighbours = vectors.MostSimilar("bracelet", 5);
        Assert.Equal(5, neighbours.Count);
        Assert.All(neighbours, neighbour => Assert.Contains(neighbour.Word, topic));
        Assert.DoesNotContain(neighbours, neighbour => neighbour.Word == "bracelet");
        Assert.True(neighbours.Zip(neighbours.Skip(1)).All(pair => pair.First.Similarity >= pair.Second.Similarity));
    }

    [Fact]
    public void Training_is_bit_identical_for_a_seed_and_differs_for_another_seed()
    {
        var documents = SyntheticTopicCorpus.Documents(documentsPerTopic: 40);
        var first = Word2Vec.Train(documents, SmallModel);
        var second = Word2Vec.Train(documents, SmallModel);
        var other = Word2Vec.Train(documents, SmallModel with { Seed = 12 });
        Assert.Equal(first.Vocabulary.Words, second.Vocabulary.Words);
        Assert.True(first.Matrix.SequenceEqual(second.Matrix));
        Assert.False(first.Matrix.SequenceEqual(other.Matrix));
    }

    [Fact]
    public void Vectors_have_the_requested_shape_and_unknown_words_are_reported()
    {
        var vectors = Word2Vec.Train(SyntheticTopicCorpus.Documents(documentsPerTopic: 10), SmallModel with { Epochs = 1 });
        Assert.Equal(32, vectors.Dimensions);
        Assert.Equal(vectors.Vocabulary.Count * 32, vectors.Matrix.Length);
        Assert.Equal(32, vectors.Vector("kettle").Length);
        Assert.True(vectors.Matrix.ToArray().All(float.IsFinite));
        var error = Assert.Throws<KeyNotFoundException>(() => vectors.Vector("sofa"));
        Assert.Contains("'sofa'", error.Message);
        Assert.False(vectors.TryCopyVector("sofa", new float[32]));
    }

    [Fact]
    public void Min_count_and_invalid_options_are_enforced()
    {
        Assert.Throws<ArgumentException>(() => Word2Vec.Train([["lonely", "words"]], SmallModel with { MinCount = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Word2Vec.Train([["a", "a"]], SmallModel with { Window = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Word2Vec.Train([["a", "a"]], SmallModel with { MinLearningRate = 1f }));
    }

    internal static (double Within, double Across) TopicSimilarities(Func<string, string, float> similarity)
    {
        var within = new List<double>();
        var across = new List<double>();
        var topics = Enumerable.Range(0, SyntheticTopicCorpus.Stems.Length).Select(SyntheticTopicCorpus.TopicWords).ToArray();
        for (var t = 0; t < topics.Length; t++)
        {
            for (var u = t; u < topics.Length; u++)
            {
                foreach (var left in topics[t])
                {
                    foreach (var right in topics[u])
                    {
                        if (left != right)
                            (t == u ? within : across).Add(similarity(left, right));
                    }
                }
            }
        }

        return (within.Average(), across.Average());
    }
}
