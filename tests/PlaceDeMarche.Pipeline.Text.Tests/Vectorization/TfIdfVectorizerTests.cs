using PlaceDeMarche.Pipeline.Text.Vectorization;
using static PlaceDeMarche.Pipeline.Text.Tests.Vectorization.ScikitLearnReference;

namespace PlaceDeMarche.Pipeline.Text.Tests.Vectorization;

public sealed class TfIdfVectorizerTests
{
    [Fact]
    public void Defaults_match_scikit_learn()
    {
        var vectorizer = new TfIdfVectorizer();
        var matrix = vectorizer.FitTransform(Corpus);

        // sklearn: TfidfVectorizer() defaults (unigrams, smooth_idf, norm='l2').
        Assert.Equal(UnigramTerms, vectorizer.Vocabulary.Terms);
        double[] expectedIdf = [2.25276297, 2.25276297, 1.55961579, 1.84729786, 2.25276297, 2.25276297, 2.25276297, 2.25276297, 2.25276297, 2.25276297, 1.84729786];
        for (var i = 0; i < expectedIdf.Length; i++)
            Assert.Equal(expectedIdf[i], vectorizer.Idf[i], 1e-7);
        AssertDenseEqual(
        [
            [0, 0, 0.339067903, 0.803222712, 0, 0, 0, 0.489761403, 0, 0, 0],
            [0, 0, 0.439681195, 0, 0.635090721, 0, 0.635090721, 0, 0, 0, 0],
            [0, 0.601607536, 0, 0.739990179, 0, 0.300803768, 0, 0, 0, 0, 0],
            [0.461772169, 0, 0, 0, 0, 0, 0, 0, 0.461772169, 0, 0.757319568],
            [0, 0, 0.471964411, 0, 0, 0, 0, 0, 0, 0.681721713, 0.559021557],
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        ], matrix);
    }

    [Fact]
    public void Transform_ignores_unknown_terms_and_reuses_fitted_idf()
    {
        var vectorizer = new TfIdfVectorizer().Fit(Corpus);

        var matrix = vectorizer.Transform([["cotton", "unknown", "watch", "cotton"]]);

        // sklearn: v.transform([["cotton", "unknown", "watch", "cotton"]]) after fitting the defaults above.
        Assert.Equal(0.894427191, matrix[0, vectorizer.Vocabulary.IndexOf("cotton")], 1e-6);
        Assert.Equal(0.447213595, matrix[0, vectorizer.Vocabulary.IndexOf("watch")], 1e-6);
        Assert.Equal(2, matrix.NonZeroCount);
    }

    [Fact]
    public void Sublinear_tf_without_smoothing_or_norm_matches_scikit_learn()
    {
        var vectorizer = new TfIdfVectorizer(new TfIdfOptions { SublinearTf = true, SmoothIdf = false, Norm = VectorNorm.None });
        var matrix = vectorizer.FitTransform(Corpus);

        // sklearn: TfidfVectorizer(sublinear_tf=True, smooth_idf=False, norm=None).
        AssertDenseEqual(
        [
            [0, 0, 1.69314718, 3.55325948, 0, 0, 0, 2.79175947, 0, 0, 0],
            [0, 0, 1.69314718, 0, 2.79175947, 0, 2.79175947, 0, 0, 0, 0],
            [0, 4.72685967, 0, 4.40417354, 0, 2.79175947, 0, 0, 0, 0, 0],
            [2.79175947, 0, 0, 0, 0, 0, 0, 0, 2.79175947, 0, 3.55325948],
            [0, 0, 1.69314718, 0, 0, 0, 0, 0, 0, 2.79175947, 2.09861229],
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        ], matrix);
    }

    [Fact]
    public void Bigrams_with_min_df_keep_terms_found_in_two_documents()
    {
        var vectorizer = new TfIdfVectorizer(new TfIdfOptions { Ngrams = new NgramRange(1, 2), MinDf = DocumentFrequencyLimit.FromCount(2) });
        var matrix = vectorizer.FitTransform(Corpus);

        // sklearn: TfidfVectorizer(ngram_range=(1, 2), min_df=2); no bigram occurs in two documents.
        Assert.Equal(["blue", "cotton", "watch"], vectorizer.Vocabulary.Terms);
        AssertDenseEqual(
        [
            [0.388903335, 0.921278566, 0],
            [1, 0, 0],
            [0, 1, 0],
            [0, 0, 1],
            [0.645102432, 0, 0.764096101],
            [0, 0, 0],
        ], matrix);
    }

    [Fact]
    public void Proportional_max_df_drops_terms_in_too_many_documents()
    {
        var vectorizer = new TfIdfVectorizer(new TfIdfOptions
        {
            MaxDf = DocumentFrequencyLimit.FromProportion(0.4),
            MinDf = DocumentFrequencyLimit.FromCount(2),
        });
        var matrix = vectorizer.FitTransform(Corpus);

        // sklearn: TfidfVectorizer(max_df=0.4, min_df=2): 0.4 * 6 = 2.4 documents, so "blue" (3) goes.
        Assert.Equal(["cotton", "watch"], vectorizer.Vocabulary.Terms);
        AssertDenseEqual([[1, 0], [0, 0], [1, 0], [0, 1], [0, 1], [0, 0]], matrix);
        Assert.Equal(1.84729786, vectorizer.Idf[0], 1e-7);
    }

    [Fact]
    public void Max_features_keeps_the_most_frequent_terms_in_sorted_order()
    {
        var vectorizer = new TfIdfVectorizer(new TfIdfOptions { MaxFeatures = 3 });
        vectorizer.Fit(Corpus);

        // sklearn: TfidfVectorizer(max_features=3) -> cotton (5 occurrences), blue (3), watch (3).
        Assert.Equal(["blue", "cotton", "watch"], vectorizer.Vocabulary.Terms);
    }

    [Fact]
    public void L1_norm_on_bigrams_only_matches_scikit_learn()
    {
        var vectorizer = new TfIdfVectorizer(new TfIdfOptions { Ngrams = new NgramRange(2, 2), Norm = VectorNorm.L1 });
        var matrix = vectorizer.FitTransform(Corpus);

        // sklearn: TfidfVectorizer(ngram_range=(2, 2), norm='l1'); all idf equal, so rows are 1/nnz.
        Assert.Equal(
            ["analog watch", "bedsheet cotton", "bedsheet double", "blue cotton", "blue jeans", "blue watch", "cotton bedsheet",
             "cotton cotton", "cotton shirt", "double bedsheet", "jeans denim", "shirt blue", "steel watch", "watch analog", "watch strap"],
            vectorizer.Vocabulary.Terms);
        AssertDenseEqual(
        [
            [0, 0, 0, 0.333333333, 0, 0, 0, 0, 0.333333333, 0, 0, 0.333333333, 0, 0, 0],
            [0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0, 0.5, 0, 0, 0, 0],
            [0, 0.2, 0.2, 0, 0, 0, 0.2, 0.2, 0, 0.2, 0, 0, 0, 0, 0],
            [0.333333333, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.333333333, 0.333333333, 0],
            [0, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0.5],
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        ], matrix);
    }

    [Fact]
    public void Every_l2_row_has_unit_norm_or_is_empty()
    {
        var random = new Random(20240611);
        var words = Enumerable.Range(0, 40).Select(i => $"w{i}").ToArray();
        var documents = Enumerable.Range(0, 200)
            .Select(_ => Enumerable.Range(0, random.Next(0, 30)).Select(_ => words[random.Next(words.Length)]).ToArray())
            .ToArray();

        var matrix = new TfIdfVectorizer(new TfIdfOptions { Ngrams = new NgramRange(1, 3), SublinearTf = true }).FitTransform(documents);

        for (var row = 0; row < matrix.Rows; row++)
        {
            var squares = 0.0;
            foreach (var value in matrix.Row(row).Values)
                squares += (double)value * value;
            var expected = documents[row].Length == 0 ? 0.0 : 1.0;
            Assert.Equal(expected, Math.Sqrt(squares), 1e-6);
        }
    }

    [Fact]
    public void Results_are_identical_across_runs_and_between_fit_transform_and_transform()
    {
        var random = new Random(7);
        var documents = Enumerable.Range(0, 500)
            .Select(_ => Enumerable.Range(0, random.Next(1, 60)).Select(_ => $"t{random.Next(300)}").ToArray())
            .ToArray();
        var options = new TfIdfOptions { Ngrams = new NgramRange(1, 2), MinDf = DocumentFrequencyLimit.FromCount(2), MaxFeatures = 500 };

        var first = new TfIdfVectorizer(options);
        var firstMatrix = first.FitTransform(documents);
        var second = new TfIdfVectorizer(options);
        var secondMatrix = second.FitTransform(documents);
        var transformed = first.Transform(documents);

        Assert.Equal(first.Vocabulary.Terms, second.Vocabulary.Terms);
        foreach (var other in new[] { secondMatrix, transformed })
        {
            Assert.Equal(firstMatrix.RowPointers.ToArray(), other.RowPointers.ToArray());
            Assert.Equal(firstMatrix.ColumnIndices.ToArray(), other.ColumnIndices.ToArray());
            Assert.Equal(firstMatrix.Values.ToArray(), other.Values.ToArray());
        }
    }

    [Fact]
    public void Idf_is_one_when_disabled()
    {
        var vectorizer = new TfIdfVectorizer(new TfIdfOptions { UseIdf = false, Norm = VectorNorm.None });
        var matrix = vectorizer.FitTransform(Corpus);

        Assert.All(vectorizer.Idf.ToArray(), idf => Assert.Equal(1.0, idf));
        Assert.Equal(3f, matrix[2, vectorizer.Vocabulary.IndexOf("cotton")]);
    }

    [Fact]
    public void Using_an_unfitted_vectorizer_is_an_error()
    {
        var vectorizer = new TfIdfVectorizer();

        Assert.False(vectorizer.IsFitted);
        var error = Assert.Throws<InvalidOperationException>(() => vectorizer.Transform(Corpus));
        Assert.Contains("Fit", error.Message);
    }
}
