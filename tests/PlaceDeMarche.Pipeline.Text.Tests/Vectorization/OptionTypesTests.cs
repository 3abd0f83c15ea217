using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Text.Tests.Vectorization;

public sealed class OptionTypesTests
{
    [Theory]
    [InlineData("5", false, 5.0)]
    [InlineData("0.95", true, 0.95)]
    [InlineData("1.0", true, 1.0)]
    [InlineData("1", false, 1.0)]
    [InlineData("1e-3", true, 0.001)]
    public void Document_frequency_limits_parse_like_python_numbers(string text, bool isProportion, double value)
    {
        var limit = DocumentFrequencyLimit.Parse(text);

        Assert.Equal(isProportion, limit.IsProportion);
        Assert.Equal(value, limit.Value);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-1")]
    [InlineData("many")]
    public void Invalid_document_frequency_limits_are_rejected(string text) =>
        Assert.Throws<FormatException>(() => DocumentFrequencyLimit.Parse(text));

    [Fact]
    public void Proportions_resolve_against_the_document_count_without_rounding()
    {
        Assert.Equal(2.4, DocumentFrequencyLimit.FromProportion(0.4).Resolve(6), 12);
        Assert.Equal(3.0, DocumentFrequencyLimit.FromCount(3).Resolve(6));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 1)]
    public void Invalid_ngram_ranges_are_rejected(int min, int max) =>
        Assert.Throws<ArgumentException>(() => new NgramRange(min, max));

    [Fact]
    public void Default_ngram_range_is_rejected_by_the_vectorizer() =>
        Assert.Throws<ArgumentException>(() => new CountVectorizer(new CountVectorizerOptions { Ngrams = default }));

    [Fact]
    public void Vocabulary_rejects_duplicates_and_finds_terms()
    {
        var vocabulary = new Vocabulary(["a", "b"]);

        Assert.Equal(1, vocabulary.IndexOf("b"));
        Assert.Equal(-1, vocabulary.IndexOf("c"));
        Assert.Contains("appears twice", Assert.Throws<ArgumentException>(() => new Vocabulary(["a", "a"])).Message);
    }
}
