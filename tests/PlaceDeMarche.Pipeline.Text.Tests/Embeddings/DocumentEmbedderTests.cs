using PlaceDeMarche.Pipeline.Text.Embeddings;
using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Text.Tests.Embeddings;

public sealed class DocumentEmbedderTests
{
    // "red" (count 2) is row 0 = (1, 0); "blue" (count 1) is row 1 = (0, 2).
    private static readonly WordVectors Vectors = new(EmbeddingVocabulary.Build([["red", "red", "blue"]], 1), 2, [1, 0, 0, 2]);

    [Fact]
    public void Mean_is_the_normalised_sum_of_known_word_vectors()
    {
        var embedder = new DocumentEmbedder(Vectors);
        // (1,0) + (0,2) + (1,0) = (2,2); unknown "green" is skipped; unit length gives (1/sqrt2, 1/sqrt2).
        var vector = embedder.Embed(["red", "green", "blue", "red"]);
        Assert.Equal(1 / MathF.Sqrt(2), vector[0], 6);
        Assert.Equal(1 / MathF.Sqrt(2), vector[1], 6);
    }

    [Fact]
    public void Tf_idf_weighting_weights_every_occurrence()
    {
        var weights = new TermWeights(new Vocabulary(["red", "blue"]), [1.0, 3.0]);
        var embedder = new DocumentEmbedder(Vectors);
        // 1*(1,0) + 3*(0,2) + 3*(0,2) = (1, 12); norm sqrt(145).
        var vector = embedder.Embed(["red", "blue", "blue"], weights);
        Assert.Equal(1 / MathF.Sqrt(145), vector[0], 6);
        Assert.Equal(12 / MathF.Sqrt(145), vector[1], 6);
    }

    [Fact]
    public void Documents_without_a_usable_word_get_the_zero_vector()
    {
        var embedder = new DocumentEmbedder(Vectors);
        var weights = new TermWeights(new Vocabulary(["red"]), [0.0]);
        var vectors = embedder.EmbedAll([[], ["green"], ["red", "blue"]], weights);
        Assert.Equal([0f, 0f], vectors[0]);
        Assert.Equal([0f, 0f], vectors[1]);
        Assert.Equal([0f, 0f], vectors[2]);
    }

    [Fact]
    public void Idf_weights_come_from_a_fitted_tf_idf_vectorizer()
    {
        string[][] documents = [["red", "blue"], ["red"], ["red", "red"]];
        var vectorizer = new TfIdfVectorizer().Fit(documents);
        var weights = TermWeights.FromIdf(vectorizer);
        // Smoothed idf (scikit-learn default): ln((1+n)/(1+df)) + 1 with n = 3: red df 3 -> 1, blue df 1 -> ln 2 + 1.
        Assert.Equal(1.0, weights.Weight("red"), 12);
        Assert.Equal(Math.Log(2) + 1, weights.Weight("blue"), 12);
        Assert.Equal(0.0, weights.Weight("green"));
    }

    [Fact]
    public void A_null_document_is_reported_by_number()
    {
        var error = Assert.Throws<ArgumentException>(() => new DocumentEmbedder(Vectors).EmbedAll([["red"], null!]));
        Assert.Contains("Document 1", error.Message);
    }

    [Fact]
    public void Weights_must_match_the_vocabulary()
    {
        Assert.Throws<ArgumentException>(() => new TermWeights(new Vocabulary(["red"]), [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => new TermWeights(new Vocabulary(["red"]), [double.NaN]));
    }
}
