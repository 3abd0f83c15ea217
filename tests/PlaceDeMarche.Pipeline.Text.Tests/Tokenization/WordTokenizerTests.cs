using PlaceDeMarche.Pipeline.Text.Tokenization;

namespace PlaceDeMarche.Pipeline.Text.Tests.Tokenization;

public sealed class WordTokenizerTests
{
    private static string[] Words(string text, HyphenPolicy hyphens = HyphenPolicy.Keep, ApostrophePolicy apostrophes = ApostrophePolicy.Keep)
    {
        var words = new List<string>();
        foreach (var word in new WordTokenizer(hyphens, apostrophes).Enumerate(text))
            words.Add(word.ToString());
        return [.. words];
    }

    [Fact]
    public void Punctuation_and_symbols_separate_words()
    {
        Assert.Equal(["Buy", "it", "for", "Rs", "599", "online", "1", "299", "a", "b", "c"],
            Words("Buy it for Rs.599 online! (1,299) a/b\tc&"));
    }

    [Fact]
    public void Underscore_is_a_separator()
    {
        Assert.Equal(["snake", "case"], Words("snake_case"));
    }

    [Fact]
    public void Letters_marks_and_numbers_of_any_script_form_words()
    {
        // Devanagari vowel signs are combining marks (category Mc/Mn) and stay inside the word.
        Assert.Equal(["café", "\u0915\u093F\u0924\u093E\u092C", "x²", "\U0001D400b"], Words("café, \u0915\u093F\u0924\u093E\u092C; x² \U0001D400b\U0001F600"));
    }

    [Fact]
    public void Hyphen_policy_decides_whether_hyphenated_words_stay_whole()
    {
        Assert.Equal(["t-shirt", "anti", "wrinkle", "a", "b"], Words("t-shirt anti- wrinkle a--b", HyphenPolicy.Keep));
        Assert.Equal(["t", "shirt"], Words("t-shirt", HyphenPolicy.Split));
    }

    [Fact]
    public void Apostrophe_policy_decides_contractions_and_possessives()
    {
        const string text = "don't men's girls' 'quoted'";

        Assert.Equal(["don't", "men's", "girls", "quoted"], Words(text, apostrophes: ApostrophePolicy.Keep));
        Assert.Equal(["don't", "men", "girls", "quoted"], Words(text, apostrophes: ApostrophePolicy.DropPossessive));
        Assert.Equal(["don", "t", "men", "s", "girls", "quoted"], Words(text, apostrophes: ApostrophePolicy.Split));
    }

    [Fact]
    public void Empty_and_separator_only_text_has_no_words()
    {
        Assert.Empty(Words(""));
        Assert.Empty(Words(" ,.;-- ' \u2028 "));
    }

    [Theory]
    [InlineData("abc", false)]
    [InlineData("3-pin", true)]
    [InlineData("x\u00B2", true)]
    [InlineData("\u0967\u0968", true)] // Devanagari digits
    [InlineData("caf\u00E9", false)]
    public void Contains_number_detects_unicode_numbers(string token, bool expected) =>
        Assert.Equal(expected, WordTokenizer.ContainsNumber(token));
}
