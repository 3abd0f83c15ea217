using PlaceDeMarche.Pipeline.Text.StopWords;

namespace PlaceDeMarche.Pipeline.Text.Tests.StopWords;

public sealed class StopWordListTests
{
    [Theory]
    [InlineData("the")]
    [InlineData("and")]
    [InlineData("of")]
    [InlineData("don't")]
    [InlineData("isn't")]
    [InlineData("don")]
    [InlineData("yourselves")]
    public void English_list_contains_function_words_and_contractions(string word) =>
        Assert.True(StopWordList.English.Contains(word));

    [Theory]
    [InlineData("shirt")]
    [InlineData("watch")]
    [InlineData("The")] // lists hold lower-case words; the cleaner lowercases first
    public void English_list_leaves_content_words(string word) =>
        Assert.False(StopWordList.English.Contains(word));

    [Fact]
    public void English_list_has_a_standard_size_and_is_lower_case()
    {
        Assert.InRange(StopWordList.English.Count, 280, 400);
        Assert.All(StopWordList.English.Words, word => Assert.Equal(word.ToLowerInvariant(), word));
    }

    [Fact]
    public void With_adds_words_without_changing_the_original()
    {
        var extended = StopWordList.English.With(["rs", "flipkart"]);

        Assert.True(extended.Contains("flipkart"));
        Assert.True(extended.Contains("the"));
        Assert.False(StopWordList.English.Contains("flipkart"));
        Assert.Equal(StopWordList.English.Count + 2, extended.Count);
    }
}
