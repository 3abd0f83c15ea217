using PlaceDeMarche.Pipeline.Text.Vectorization;
using static PlaceDeMarche.Pipeline.Text.Tests.Vectorization.ScikitLearnReference;

namespace PlaceDeMarche.Pipeline.Text.Tests.Vectorization;

public sealed class CountVectorizerTests
{
    [Fact]
    public void Counts_unigrams_and_bigrams_like_scikit_learn()
    {
        var vectorizer = new CountVectorizer(new CountVectorizerOptions { Ngrams = new NgramRange(1, 2) });
        var matrix = vectorizer.FitTransform(Corpus);

        // sklearn: CountVectorizer(ngram_range=(1, 2)).
        Assert.Equal(
            ["analog", "analog watch", "bedsheet", "bedsheet cotton", "bedsheet double", "blue", "blue cotton", "blue jeans",
             "blue watch", "cotton", "cotton bedsheet", "cotton cotton", "cotton shirt", "denim", "double", "double bedsheet",
             "jeans", "jeans denim", "shirt", "shirt blue", "steel", "steel watch", "strap", "watch", "watch analog", "watch strap"],
            vectorizer.Vocabulary.Terms);
        AssertDenseEqual(
        [
            [0, 0, 0, 0, 0, 1, 1, 0, 0, 2, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
            [0, 0, 2, 1, 1, 0, 0, 0, 0, 3, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 2, 1, 0],
            [0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1],
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        ], matrix);
    }

    [Fact]
    public void Binary_max_features_ranks_by_document_frequency_and_breaks_ties_by_term_order()
    {
        var vectorizer = new CountVectorizer(new CountVectorizerOptions { Ngrams = new NgramRange(1, 2), Binary = true, MaxFeatures = 4 });
        var matrix = vectorizer.FitTransform(Corpus);

        // sklearn: CountVectorizer(ngram_range=(1, 2), binary=True, max_features=4) -> blue (3 docs), cotton (2),
        // watch (2), then the first of the 1-document terms in sorted order, "analog".
        Assert.Equal(["analog", "blue", "cotton", "watch"], vectorizer.Vocabulary.Terms);
        AssertDenseEqual([[0, 1, 1, 0], [0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 1], [0, 1, 0, 1], [0, 0, 0, 0]], matrix);
    }

    [Fact]
    public void Vocabulary_is_sorted_ordinally_whatever_the_document_order()
    {
        var forward = new CountVectorizer().Fit([["zeta", "Alpha"], ["beta", "alpha"]]).Vocabulary.Terms;
        var backward = new CountVectorizer().Fit([["beta", "alpha"], ["zeta", "Alpha"]]).Vocabulary.Terms;

        Assert.Equal(["Alpha", "alpha", "beta", "zeta"], forward);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Transform_counts_only_known_terms()
    {
        var vectorizer = new CountVectorizer().Fit([["red", "shoe"], ["blue", "shoe"]]);

        var matrix = vectorizer.Transform([["shoe", "shoe", "green"], []]);

        Assert.Equal(new[] { 0f, 0f, 2f, 0f, 0f, 0f }, matrix.ToDense().Data);
    }

    [Fact]
    public void Max_df_below_min_df_is_rejected_with_both_values_named()
    {
        var vectorizer = new CountVectorizer(new CountVectorizerOptions
        {
            MinDf = DocumentFrequencyLimit.FromCount(3),
            MaxDf = DocumentFrequencyLimit.FromProportion(0.2),
        });

        var error = Assert.Throws<ArgumentException>(() => vectorizer.Fit(Corpus));
        Assert.Contains("MaxDf 0.2", error.Message);
        Assert.Contains("MinDf 3", error.Message);
    }

    [Fact]
    public void Pruning_every_term_is_an_error()
    {
        var vectorizer = new CountVectorizer(new CountVectorizerOptions { MinDf = DocumentFrequencyLimit.FromCount(6) });

        var error = Assert.Throws<ArgumentException>(() => vectorizer.Fit(Corpus));
        Assert.Contains("No terms remain", error.Message);
    }

    [Fact]
    public void Documents_without_tokens_give_an_empty_vocabulary_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new CountVectorizer().Fit([[], []]));
        Assert.Contains("Empty vocabulary", error.Message);
    }

    [Fact]
    public void Null_documents_and_tokens_are_reported_by_position()
    {
        Assert.Contains("Document 1 is null", Assert.Throws<ArgumentException>(() => new CountVectorizer().Fit([["a"], null!])).Message);
        Assert.Contains("Document 0, token 1 is null", Assert.Throws<ArgumentException>(() => new CountVectorizer().Fit([["a", null!]])).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Max_features_below_one_is_rejected(int maxFeatures) =>
        Assert.Throws<ArgumentException>(() => new CountVectorizer(new CountVectorizerOptions { MaxFeatures = maxFeatures }));

    [Fact]
    public void Transform_of_many_documents_keeps_document_order()
    {
        // More documents than one parallel chunk, each holding its own index as a term.
        var documents = Enumerable.Range(0, 1000).Select(i => new[] { $"doc{i}", "shared" }).ToArray();
        var vectorizer = new CountVectorizer().Fit(documents);

        var matrix = vectorizer.Transform(documents);

        for (var row = 0; row < documents.Length; row++)
            Assert.Equal(1f, matrix[row, vectorizer.Vocabulary.IndexOf($"doc{row}")]);
    }
}
