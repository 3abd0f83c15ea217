using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Blocks;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Pages;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Sections;

/// <summary>
/// Renders sections depth first: numbered heading (kept with the start of what follows), blocks, subsections.
/// Records each heading for the table of contents and adds it to the PDF bookmarks.
/// </summary>
internal sealed class SectionRenderer
{
    /// <summary>Deepest level listed in the table of contents; deeper headings are still bookmarked.</summary>
    public const int TocDepth = 2;

    private const double NumberGap = 8;

    private readonly RenderContext context;
    private readonly BlockRenderer blocks;
    private readonly List<TocEntry> entries = [];

    public SectionRenderer(RenderContext context)
    {
        this.context = context;
        blocks = new BlockRenderer(context);
    }

    /// <summary>False for sections outside the numbered body (a preface): headings without numbers, kept out of the contents.</summary>
    public bool Numbered { get; init; } = true;

    /// <summary>Headings rendered so far that belong in the table of contents, in order.</summary>
    public IReadOnlyList<TocEntry> TocEntries => entries;

    /// <summary>Number of table-of-contents entries a list of sections produces.</summary>
    public static int CountTocEntries(IReadOnlyList<ReportSection> sections, int level = 1) =>
        level > TocDepth ? 0 : sections.Sum(section => 1 + CountTocEntries(section.Subsections, level + 1));

    public void Render(IReadOnlyList<ReportSection> sections) => Render(sections, "", 1, context.Composer.Document.Outlines);

    private void Render(IReadOnlyList<ReportSection> sections, string parentNumber, int level, PdfOutlineCollection outlines)
    {
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            var number = parentNumber + (i + 1).ToString(CultureInfo.InvariantCulture);
            var composer = context.Composer;
            if (section.StartOnNewPage && !composer.IsAtPageTop)
            {
                composer.StartNewPage();
            }

            DrawHeading(Numbered ? number : "", section.Heading, level);
            var outline = outlines.Add(Numbered ? $"{number} {section.Heading}" : section.Heading, composer.Page, opened: level == 1);
            if (Numbered && level <= TocDepth)
            {
                entries.Add(new TocEntry(number, section.Heading, level, composer.Page, composer.Document.PageCount));
            }

            foreach (var block in section.Blocks)
            {
                blocks.Render(block);
            }

            Render(section.Subsections, number + ".", level + 1, outline.Outlines);
        }
    }

    private void DrawHeading(string number, string heading, int level)
    {
        var (composer, theme) = (context.Composer, context.Theme);
        var (fonts, spaceBefore, color) = level switch
        {
            1 => (theme.Heading1, 16.0, theme.Accent),
            2 => (theme.Heading2, 10.0, theme.Accent),
            _ => (theme.Heading3, 7.0, theme.Ink),
        };
        var numberWidth = number.Length == 0 ? 0 : context.Wrapper.Measure(number, fonts.Bold) + NumberGap;
        var lines = context.Wrapper.Wrap(heading, fonts.Bold, composer.Width - numberWidth);
        var ruleHeight = level == 1 ? 5.0 : 0;
        var height = lines.Count * fonts.LineHeight + ruleHeight + 3;

        composer.AddSpacing(spaceBefore);
        // Keep the heading with at least three lines of what follows.
        composer.EnsureRoom(height + 3 * theme.Body.LineHeight);
        var brush = new XSolidBrush(color);
        var glyphTop = composer.Y + (fonts.LineHeight - fonts.Bold.GetHeight()) / 2;
        if (number.Length > 0)
        {
            composer.Graphics.DrawString(number, fonts.Bold, brush, composer.Left, glyphTop, XStringFormats.TopLeft);
        }

        foreach (var line in lines)
        {
            line.Draw(composer.Graphics, brush, composer.Left + numberWidth, composer.Y, fonts.LineHeight);
            composer.Advance(fonts.LineHeight);
        }

        if (level == 1)
        {
            composer.Advance(2);
            composer.Graphics.DrawLine(new XPen(theme.Accent, 0.9), composer.Left, composer.Y, composer.Left + composer.Width, composer.Y);
            composer.Advance(ruleHeight - 2);
        }

        composer.Advance(3);
    }
}
