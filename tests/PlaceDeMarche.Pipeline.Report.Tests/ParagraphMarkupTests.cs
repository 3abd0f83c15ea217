using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Tests;

public sealed class ParagraphMarkupTests
{
    [Fact]
    public void Bold_and_italic_markers_become_runs()
    {
        var paragraph = Paragraph.FromMarkup("ARI is **0.52** for *text*, better than images.");
        Assert.Equal(
            [
                new TextRun("ARI is "), new TextRun("0.52", TextEmphasis.Bold), new TextRun(" for "),
                new TextRun("text", TextEmphasis.Italic), new TextRun(", better than images."),
            ],
            paragraph.Runs);
    }

    [Fact]
    public void Unmatched_or_empty_markers_stay_literal()
    {
        Assert.Equal([new TextRun("3 * 4 = 12")], Paragraph.FromMarkup("3 * 4 = 12").Runs);
        Assert.Equal([new TextRun("a ** b")], Paragraph.FromMarkup("a ** b").Runs);
    }

    [Fact]
    public void Empty_markup_gives_one_empty_run()
    {
        Assert.Equal([new TextRun("")], Paragraph.FromMarkup("").Runs);
    }

    [Fact]
    public void Plain_constructor_does_not_interpret_markers()
    {
        Assert.Equal([new TextRun("**not bold**")], new Paragraph("**not bold**").Runs);
    }
}
