using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Text.Tests.Embeddings;

public sealed class Doc2VecTests
{
    private static readonly Word2VecOptions SmallModel = new() { Dimensions = 32, Epochs = 10, MinCount = 1, Seed = 11 };

    [Fact]
    public void Documents_sharing_words_end_closer_than_unrelated_ones()
    {
        // Documents are listed topic 0, 1, 2, 0, 1, 2, ...: same topic = same word pool, different topic = no shared word.
        var documents = SyntheticTopicCorpus.Documents(documentsPerTopic: 40);
        var vectors = Doc2Vec.Train(documents, SmallModel).UnitDocumentVectors();
        var topics = SyntheticTopicCorpus.Stems.Length;
        double within = 0, across = 0;
        int withinCount = 0, acrossCount = 0;
        for (var i = 0; i < vectors.Length; i++)
        {
            for (var j = i + 1; j < vectors.Length; j++)
            {
                var cosine = Cosine(vectors[i], vectors[j]);
                if (i % topics == j % topics)
                {
                    within += cosine;
                    withinCount++;
                }
                else
                {
                    across += cosine;
                    acrossCount++;
                }
            }
        }

        within /= withinCount;
        across /= acrossCount;
        // gensim 4.2.0 (Doc2Vec dm=0, dbow_words=1, same sizes, workers=1, seeds 1-5) on an equivalent corpus (same
        // topics, Python's own random draws) gives within 0.988 and across 0.60-0.61; this implementation gave 0.995
        // and 0.745 for seed 11: the same picture (PV-DBOW vectors share a large common direction), hence the margin.
        Assert.True(within > 0.9 && within > across + 0.2, $"mean document cosine within topics {within:F3}, across topics {across:F3}");
    }

    [Fact]
    public void Training_is_bit_identical_for_a_seed_and_differs_for_another_seed()
    {
        var documents = SyntheticTopicCorpus.Documents(documentsPerTopic: 10);
        var first = Doc2Vec.Train(documents, SmallModel);
        var second = Doc2Vec.Train(documents, SmallModel);
        var other = Doc2Vec.Train(documents, SmallModel with { Seed = 12 });
        for (var d = 0; d < documents.Length; d++)
        {
            Assert.True(first.DocumentVector(d).SequenceEqual(second.DocumentVector(d)), $"document {d} differs between two runs");
        }

        Assert.True(first.Words.Matrix.SequenceEqual(second.Words.Matrix));
        Assert.False(first.DocumentVector(0).SequenceEqual(other.DocumentVector(0)));
    }

    [Fact]
    public void Model_has_one_vector_per_document_and_the_word_vectors()
    {
        var documents = SyntheticTopicCorpus.Documents(documentsPerTopic: 5);
        var model = Doc2Vec.Train(documents, SmallModel with { Epochs = 1 });
        Assert.Equal(documents.Length, model.DocumentCount);
        Assert.Equal(32, model.Dimensions);
        Assert.Equal(32, model.DocumentVector(documents.Length - 1).Length);
        Assert.Equal(EmbeddingVocabulary.Build(documents, 1).Words, model.Words.Vocabulary.Words);
        var units = model.UnitDocumentVectors();
        Assert.All(units, unit => Assert.Equal(1.0, Math.Sqrt(unit.Sum(x => (double)x * x)), 5));
    }

    [Fact]
    public void Word_vectors_still_learn_the_topics()
    {
        var model = Doc2Vec.Train(SyntheticTopicCorpus.Documents(documentsPerTopic: 40), SmallModel);
        var topic = SyntheticTopicCorpus.TopicWords(1);
        Assert.All(model.Words.MostSimilar("bracelet", 5), neighbour => Assert.Contains(neighbour.Word, topic));
    }

    private static double Cosine(float[] left, float[] right)
    {
        double dot = 0;
        for (var i = 0; i < left.Length; i++)
            dot += (double)left[i] * right[i];
        return dot;
    }
}
