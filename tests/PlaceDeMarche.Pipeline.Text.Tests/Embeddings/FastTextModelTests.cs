using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Text.Tests.Embeddings;

public sealed class FastTextModelTests
{
    private static readonly FastTextOptions SmallModel = new()
    {
        Training = new Word2VecOptions { Dimensions = 32, Epochs = 5, MinCount = 1, Seed = 5 },
        BucketCount = 20_000,
    };

    [Fact]
    public void Words_of_a_topic_are_closer_than_words_of_different_topics()
    {
        var model = FastTextModel.Train(SyntheticTopicCorpus.Documents(), SmallModel);
        var (within, across) = Word2VecTests.TopicSimilarities(model.Words.Similarity);
        Assert.True(within > across + 0.3, $"mean cosine within topics {within:F3}, across topics {across:F3}");
    }

    [Fact]
    public void An_unseen_word_lands_near_its_morphological_relatives()
    {
        var model = FastTextModel.Train(SyntheticTopicCorpus.Documents(), SmallModel);
        const string unseen = SyntheticTopicCorpus.UnseenWord;
        Assert.Equal(-1, model.Vocabulary.IndexOf(unseen));

        var vector = model.Vector(unseen);
        double Cosine(string word) => Cosines(vector, model.Vector(word));
        var relatives = new[] { "teapot", "teapots", "teapotware" }.Average(Cosine);
        var otherTopics = SyntheticTopicCorpus.TopicWords(1).Concat(SyntheticTopicCorpus.TopicWords(2)).Average(Cosine);
        Assert.True(relatives > otherTopics + 0.2, $"cosine to relatives {relatives:F3}, to other topics {otherTopics:F3}");

        var neighbours = model.MostSimilar(unseen, 3);
        Assert.Contains(neighbours, neighbour => neighbour.Word.StartsWith("teapot", StringComparison.Ordinal));
    }

    [Fact]
    public void Training_is_bit_identical_for_a_seed()
    {
        var documents = SyntheticTopicCorpus.Documents(documentsPerTopic: 30);
        var first = FastTextModel.Train(documents, SmallModel);
        var second = FastTextModel.Train(documents, SmallModel);
        Assert.True(first.Words.Matrix.SequenceEqual(second.Words.Matrix));
        Assert.Equal(first.Vector("zzzqqq"), second.Vector("zzzqqq"));
    }

    [Fact]
    public void A_vocabulary_word_vector_is_its_composed_vector()
    {
        var model = FastTextModel.Train(SyntheticTopicCorpus.Documents(documentsPerTopic: 10), SmallModel);
        Assert.True(model.Vector("ladle").AsSpan().SequenceEqual(model.Words.Vector("ladle")));
        var tooShort = SmallModel with { MinN = 5, MaxN = 6 };
        var shortModel = FastTextModel.Train([["abc", "abc", "abcdefg"]], tooShort with { Training = tooShort.Training with { Epochs = 1 } });
        Assert.False(shortModel.TryCopyVector("ab", new float[32]));
        Assert.Throws<ArgumentException>(() => shortModel.Vector("ab"));
    }

    private static double Cosines(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        double dot = 0, leftNorm = 0, rightNorm = 0;
        for (var i = 0; i < left.Length; i++)
        {
            dot += left[i] * right[i];
            leftNorm += left[i] * left[i];
            rightNorm += right[i] * right[i];
        }

        return dot / Math.Sqrt(leftNorm * rightNorm);
    }
}
