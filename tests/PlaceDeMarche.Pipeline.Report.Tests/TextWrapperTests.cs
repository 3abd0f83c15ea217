using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Fonts;
using PlaceDeMarche.Pipeline.Report.Rendering;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Tests;

public sealed class TextWrapperTests : IDisposable
{
    private readonly XGraphics measure;
    private readonly TextWrapper wrapper;
    private readonly FontSet fonts;

    public TextWrapperTests()
    {
        PdfSharpSetup.EnsureInitialized();
        measure = XGraphics.CreateMeasureContext(new XSize(600, 800), XGraphicsUnit.Point, XPageDirection.Downwards);
        wrapper = new TextWrapper(measure);
        fonts = new FontSet(10);
    }

    public void Dispose() => measure.Dispose();

    [Fact]
    public void Lines_fit_the_width_and_keep_all_words_in_order()
    {
        var text = SampleReports.LongText(5);
        var lines = wrapper.Wrap(text, fonts.Regular, 200);

        Assert.True(lines.Count > 5);
        Assert.All(lines, line => Assert.True(line.Width <= 200, $"line is {line.Width} wide"));
        Assert.Equal(text, string.Join(" ", lines.Select(line => string.Join(" ", line.Fragments.Select(f => f.Text)))));
        // Greedy: the next line's first word would not have fitted on the previous line.
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var nextWord = lines[i + 1].Fragments[0].Text.Split(' ')[0];
            Assert.True(lines[i].Width + wrapper.Measure(" " + nextWord, fonts.Regular) > 200);
        }
    }

    [Fact]
    public void Emphasis_changes_font_within_a_line()
    {
        var lines = wrapper.Wrap(Paragraph.FromMarkup("plain **bold** plain").Runs, fonts, 500);
        var line = Assert.Single(lines);
        Assert.Equal(["plain", "bold", "plain"], line.Fragments.Select(f => f.Text));
        Assert.Same(fonts.Bold, line.Fragments[1].Font);
        Assert.True(line.Fragments[1].Offset > wrapper.Measure("plain", fonts.Regular));
    }

    [Fact]
    public void A_package_name_longer_than_the_line_breaks_between_its_parts()
    {
        const string package = "Microsoft.Extensions.DependencyInjection.Abstractions";
        var lines = wrapper.Wrap(package, fonts.Regular, 120);

        var parts = lines.Select(line => line.Fragments[0].Text).ToArray();
        Assert.True(parts.Length > 1);
        Assert.Equal(package, string.Concat(parts));
        Assert.All(parts[..^1], part => Assert.EndsWith(".", part, StringComparison.Ordinal));
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut()
    {
        var word = new string('W', 60);
        var lines = wrapper.Wrap(word, fonts.Regular, 100);
        Assert.True(lines.Count > 1);
        Assert.All(lines, line => Assert.True(line.Width <= 100));
        Assert.Equal(word, string.Concat(lines.Select(line => line.Fragments[0].Text)));
    }

    [Fact]
    public void Newlines_force_breaks_and_empty_text_gives_one_empty_line()
    {
        Assert.Equal(3, wrapper.Wrap("one\ntwo\n\nthree", fonts.Regular, 500).Count - 1);
        var empty = Assert.Single(wrapper.Wrap("", fonts.Regular, 500));
        Assert.Empty(empty.Fragments);
    }

    [Fact]
    public void Truncate_adds_an_ellipsis_only_when_needed()
    {
        Assert.Equal("short", wrapper.Truncate("short", fonts.Regular, 100));
        var cut = wrapper.Truncate("Home Decor & Festive Needs", fonts.Regular, 60);
        Assert.EndsWith("…", cut);
        Assert.True(wrapper.Measure(cut, fonts.Regular) <= 60);
    }

    [Fact]
    public void Embedded_fonts_resolve_without_system_fonts()
    {
        var regular = EmbeddedFontResolver.Instance.ResolveTypeface("Anything", isBold: false, isItalic: true);
        var bold = EmbeddedFontResolver.Instance.ResolveTypeface(EmbeddedFontResolver.FamilyName, isBold: true, isItalic: false);
        Assert.NotEqual(regular.FaceName, bold.FaceName);
        Assert.True(regular.MustSimulateItalic);
        // TrueType files start with the version 1.0 tag 00 01 00 00.
        Assert.Equal(new byte[] { 0, 1, 0, 0 }, EmbeddedFontResolver.Instance.GetFont(bold.FaceName)[..4]);
    }

    [Fact]
    public void French_punctuation_never_starts_a_line_nor_leaves_an_opening_guillemet_at_a_line_end()
    {
        const string text = "Le modèle s'utilise avec « placedemarche-pipeline predict » : il donne la catégorie ; le reste ? Rien ! Soit 85 % des produits.";
        for (var width = 60.0; width <= 400; width += 3)
        {
            var lines = wrapper.Wrap(text, fonts.Regular, width).Select(line => string.Join(" ", line.Fragments.Select(f => f.Text))).ToArray();

            Assert.DoesNotContain(lines, line => line.EndsWith('«'));
            Assert.DoesNotContain(lines, line => line.Length > 0 && line[0] is '»' or ':' or ';' or '?' or '!' or '%');
        }
    }
}
