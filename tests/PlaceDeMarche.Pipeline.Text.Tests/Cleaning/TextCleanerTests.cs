using PlaceDeMarche.Pipeline.Text.Cleaning;
using PlaceDeMarche.Pipeline.Text.Tokenization;

namespace PlaceDeMarche.Pipeline.Text.Tests.Cleaning;

public sealed class TextCleanerTests
{
    private static string[] Tokens(string text, TextCleaningOptions? options = null) =>
        new TextCleaner(options).Clean(text).Tokens;

    [Fact]
    public void Cleans_a_typical_product_description()
    {
        const string description = "Key Features of Elegance Polyester Curtain,Price: Rs. 1,299 Buy it online for Rs.599 at Flipkart.com";

        var document = new TextCleaner(new TextCleaningOptions { ExtraStopWords = ["Rs", "flipkart"] }).Clean(description);

        Assert.Equal(["key", "features", "elegance", "polyester", "curtain", "price", "buy", "online", "com"], document.Tokens);
        Assert.Equal("key features elegance polyester curtain price buy online com", document.Text);
    }

    [Fact]
    public void Decodes_html_entities_before_tokenising()
    {
        Assert.Equal(["tom", "jerry", "t-shirt", "café"], Tokens("Tom &amp; Jerry&#39;s T-Shirt &lt;b&gt;caf&eacute;"));
        Assert.Equal(["tom", "amp", "jerry"], Tokens("Tom &amp; Jerry", new TextCleaningOptions { DecodeHtmlEntities = false }));
    }

    [Fact]
    public void Normalises_unicode_compatibility_forms()
    {
        // NFKC: full-width letters, decomposed accent, fraction 1⁄2 (numbers, dropped), non-break hyphen, ligature.
        Assert.Equal(["full", "sleeve", "café", "kurta", "t-shirt", "fine"], Tokens("ＦＵＬＬ Sleeve Cafe\u0301 ½ Kurta T\u2011Shirt \uFB01ne"));
        Assert.Equal(["ｆｕｌｌ"], Tokens("ＦＵＬＬ", new TextCleaningOptions { NormalizeUnicode = false }));
    }

    [Fact]
    public void Treats_typographic_apostrophes_like_ascii_ones()
    {
        Assert.Equal(["women", "jeans"], Tokens("Women\u2019s Jeans don\u2019t"));
    }

    [Fact]
    public void Punctuation_becomes_a_separator()
    {
        Assert.Equal(["interiors", "curtain", "metal", "ring"], Tokens("interiors.This curtain...(metal/ring)!"));
    }

    [Theory]
    [InlineData(DigitPolicy.Keep, new[] { "pack", "3-pin", "usb2", "plug" })] // "2" is shorter than MinTokenLength
    [InlineData(DigitPolicy.Drop, new[] { "pack", "plug" })]
    [InlineData(DigitPolicy.Replace, new[] { "pack", "<num>", "<num>", "<num>", "plug" })]
    public void Digit_policy_controls_tokens_with_numbers(DigitPolicy policy, string[] expected) =>
        Assert.Equal(expected, Tokens("Pack of 2 3-pin USB2 plug", new TextCleaningOptions { Digits = policy }));

    [Fact]
    public void Number_placeholder_is_configurable()
    {
        Assert.Equal(["#", "ml"], Tokens("500 ml", new TextCleaningOptions { Digits = DigitPolicy.Replace, NumberPlaceholder = "#" }));
    }

    [Fact]
    public void Minimum_length_drops_short_tokens()
    {
        var options = new TextCleaningOptions { MinTokenLength = 4, RemoveEnglishStopWords = false };

        Assert.Equal(["shoe", "with"], Tokens("a big red shoe with", options));
    }

    [Fact]
    public void Stop_words_are_removed_unless_disabled()
    {
        Assert.Equal(["shirt", "made", "cotton"], Tokens("The shirt is made of cotton"));
        Assert.Equal(["the", "shirt", "is", "made", "of", "cotton"], Tokens("The shirt is made of cotton", new TextCleaningOptions { RemoveEnglishStopWords = false }));
    }

    [Fact]
    public void Extra_stop_words_are_normalised_like_the_text()
    {
        var cleaner = new TextCleaner(new TextCleaningOptions { ExtraStopWords = ["ＲＳ", "Flipkart.", "men's"], RemoveEnglishStopWords = false });

        Assert.Equal(["buy", "at", "for"], cleaner.Clean("Buy at Flipkart for Rs men's").Tokens);
        Assert.True(cleaner.StopWords.Contains("men"));
    }

    [Fact]
    public void Invalid_extra_stop_words_are_reported_by_index()
    {
        var phrase = Assert.Throws<ArgumentException>(() => new TextCleaner(new TextCleaningOptions { ExtraStopWords = ["rs", "key features"] }));
        Assert.Contains("ExtraStopWords[1] 'key features'", phrase.Message);
        var empty = Assert.Throws<ArgumentException>(() => new TextCleaner(new TextCleaningOptions { ExtraStopWords = [" "] }));
        Assert.Contains("ExtraStopWords[0]", empty.Message);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_the_option_named()
    {
        Assert.Contains("MinTokenLength", Assert.Throws<ArgumentException>(() => new TextCleaner(new TextCleaningOptions { MinTokenLength = 0 })).Message);
        Assert.Contains("NumberPlaceholder", Assert.Throws<ArgumentException>(() =>
            new TextCleaner(new TextCleaningOptions { Digits = DigitPolicy.Replace, NumberPlaceholder = "" })).Message);
    }

    [Fact]
    public void Case_is_kept_when_lowercasing_is_off()
    {
        Assert.Equal(["Cotton", "SHIRT"], Tokens("Cotton SHIRT", new TextCleaningOptions { Lowercase = false }));
    }

    [Fact]
    public void Hyphen_and_apostrophe_policies_are_applied()
    {
        var options = new TextCleaningOptions { Hyphens = HyphenPolicy.Split, Apostrophes = ApostrophePolicy.Keep };

        Assert.Equal(["shirt", "men's"], Tokens("T-Shirt men's", options));
    }

    [Fact]
    public void Empty_input_gives_an_empty_document()
    {
        var cleaner = new TextCleaner();

        Assert.Empty(cleaner.Clean(null).Tokens);
        Assert.Equal("", cleaner.Clean("").Text);
        Assert.Empty(cleaner.Clean("... the of 12 !").Tokens);
    }

    [Fact]
    public void Clean_all_keeps_document_order_and_matches_clean()
    {
        var cleaner = new TextCleaner();
        var documents = Enumerable.Range(0, 300).Select(i => $"Product {i} cotton item{i % 7}x &amp; more").ToArray();

        var all = cleaner.CleanAll(documents);

        Assert.Equal(documents.Length, all.Length);
        for (var i = 0; i < documents.Length; i++)
            Assert.Equal(cleaner.Clean(documents[i]).Tokens, all[i].Tokens);
        Assert.Equal(["product", "cotton"], all[3].Tokens);
    }
}
