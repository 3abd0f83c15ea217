using PlaceDeMarche.Pipeline.Text.Cleaning;
using PlaceDeMarche.Pipeline.Text.Stages;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Text.Tests.Cleaning;

public sealed class TokenNormalizationTests
{
    private const string Description = "Women's Cotton Dresses, running shoes and batteries for geese";

    // Expected tokens: NLTK 3.8 PorterStemmer(mode=ORIGINAL_ALGORITHM), snowballstemmer 2.2.0 stemmer('english'), and
    // NLTK's WordNet morphy over Debian's wordnet-base taking the first part of speech (noun, verb, adj, adv) with a lemma.
    [Theory]
    [InlineData(TokenNormalization.None, "women cotton dresses running shoes batteries geese")]
    [InlineData(TokenNormalization.Porter, "women cotton dress run shoe batteri gees")]
    [InlineData(TokenNormalization.Snowball, "women cotton dress run shoe batteri gees")]
    [InlineData(TokenNormalization.Lemma, "woman cotton dress running shoe battery goose")]
    public void Kept_words_are_normalised_as_asked(TokenNormalization normalization, string expected)
    {
        var document = new TextCleaner(new TextCleaningOptions { Normalization = normalization }).Clean(Description);

        Assert.Equal(expected, document.Text);
    }

    [Fact]
    public void Stop_words_are_matched_before_stemming()
    {
        // "running" would stem to "run"; listing "running" must still remove it, and "run" must not remove it.
        var removed = new TextCleaner(new TextCleaningOptions { Normalization = TokenNormalization.Snowball, ExtraStopWords = ["running"] });
        var kept = new TextCleaner(new TextCleaningOptions { Normalization = TokenNormalization.Snowball, ExtraStopWords = ["run"] });

        Assert.Equal(["shoe"], removed.Clean("running shoes").Tokens);
        Assert.Equal(["run", "shoe"], kept.Clean("running shoes").Tokens);
    }

    [Fact]
    public void Number_placeholder_is_not_stemmed()
    {
        var cleaner = new TextCleaner(new TextCleaningOptions { Normalization = TokenNormalization.Porter, Digits = DigitPolicy.Replace, NumberPlaceholder = "numbers" });

        Assert.Equal(["numbers", "shoe"], cleaner.Clean("12 shoes").Tokens);
    }

    [Theory]
    [InlineData("none", TokenNormalization.None)]
    [InlineData("porter", TokenNormalization.Porter)]
    [InlineData("Snowball", TokenNormalization.Snowball)]
    [InlineData("lemma", TokenNormalization.Lemma)]
    public void Pipeline_parameter_selects_the_normalization(string value, TokenNormalization expected)
    {
        Assert.Equal(expected, StudyConfiguration.Bind<TextCleaningParameters>("text.cleaning", c => c.Normalization = value).ToOptions().Normalization);
    }

    [Fact]
    public void Pipeline_parameter_defaults_to_none_and_rejects_unknown_values()
    {
        Assert.Equal(TokenNormalization.None, StudyConfiguration.Bind<TextCleaningParameters>("text.cleaning").ToOptions().Normalization);
        var error = Assert.Throws<ArgumentException>(() => StudyConfiguration.Bind<TextCleaningParameters>("text.cleaning", c => c.Normalization = "stem").ToOptions());
        Assert.Contains("text.cleaning.normalization", error.Message);
    }

    [Fact]
    public void Unknown_enum_value_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new TextCleaner(new TextCleaningOptions { Normalization = (TokenNormalization)9 }));
    }
}
