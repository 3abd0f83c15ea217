using PlaceDeMarche.Pipeline.Text.Html;

namespace PlaceDeMarche.Pipeline.Text.Tests.Html;

public sealed class HtmlEntityDecoderTests
{
    [Theory]
    [InlineData("Tom &amp; Jerry", "Tom & Jerry")]
    [InlineData("&lt;b&gt;bold&lt;/b&gt;", "<b>bold</b>")]
    [InlineData("caf&eacute; &Eacute;t&eacute;", "caf\u00E9 \u00C9t\u00E9")]
    [InlineData("&quot;hi&quot; &apos;x&apos;", "\"hi\" 'x'")]
    [InlineData("a&nbsp;b &copy; &euro;5 &hellip;", "a\u00A0b \u00A9 \u20AC5 \u2026")]
    [InlineData("men&#39;s &#x2019; &#X41;", "men's \u2019 A")]
    [InlineData("&#128512;", "\U0001F600")]
    [InlineData("&#65", "A")] // numeric references may omit ';'
    [InlineData("&#150;", "\u2013")] // Windows-1252 en dash, as browsers read it
    [InlineData("&#0; &#xD800; &#99999999999;", "\uFFFD \uFFFD \uFFFD")]
    public void Decodes_named_and_numeric_references(string input, string expected) =>
        Assert.Equal(expected, HtmlEntityDecoder.Decode(input));

    [Theory]
    [InlineData("AT&T")] // no ';': not a reference
    [InlineData("P&G Bobs&amp")]
    [InlineData("&unknown; & &; &#; &#x;")]
    [InlineData("&AMP;")] // names are case-sensitive
    public void Leaves_non_references_verbatim(string input) =>
        Assert.Equal(input, HtmlEntityDecoder.Decode(input));

    [Fact]
    public void Decodes_one_level_only()
    {
        Assert.Equal("&lt;", HtmlEntityDecoder.Decode("&amp;lt;"));
    }

    [Fact]
    public void Text_without_ampersand_is_returned_as_is()
    {
        const string text = "Rs. 1,299 only";

        Assert.Same(text, HtmlEntityDecoder.Decode(text));
    }

    [Fact]
    public void Span_overload_rejects_a_short_destination()
    {
        var error = Assert.Throws<ArgumentException>(() => HtmlEntityDecoder.Decode("&amp;", new char[2]));
        Assert.Contains("at least as many", error.Message);
    }
}
