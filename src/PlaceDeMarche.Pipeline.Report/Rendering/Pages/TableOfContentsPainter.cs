using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Pages;

/// <summary>
/// Fills the pages reserved for the table of contents once the body is laid out and page numbers are known.
/// Every entry is one line (long headings are shortened) so the number of pages is known in advance.
/// Entries link to their page.
/// </summary>
internal sealed class TableOfContentsPainter
{
    private const double LineHeight = 17;
    private const double LevelIndent = 18;
    private const double NumberColumn = 30;

    private readonly ReportTheme theme;
    private readonly TextWrapper wrapper;

    public TableOfContentsPainter(ReportTheme theme, TextWrapper wrapper)
    {
        this.theme = theme;
        this.wrapper = wrapper;
    }

    private double TitleHeight => theme.Heading1.LineHeight + 14;

    public int PageCount(int entryCount)
    {
        if (entryCount == 0)
        {
            return 0;
        }

        var firstPage = (int)((PageGeometry.ContentHeight - TitleHeight) / LineHeight);
        var otherPages = (int)(PageGeometry.ContentHeight / LineHeight);
        return entryCount <= firstPage ? 1 : 1 + (entryCount - firstPage + otherPages - 1) / otherPages;
    }

    public void Draw(IReadOnlyList<PdfPage> pages, IReadOnlyList<TocEntry> entries)
    {
        var next = 0;
        for (var p = 0; p < pages.Count; p++)
        {
            using var graphics = XGraphics.FromPdfPage(pages[p], XGraphicsPdfPageOptions.Append);
            var y = PageGeometry.ContentTop;
            if (p == 0)
            {
                graphics.DrawString(theme.Labels.Contents, theme.Heading1.Bold, new XSolidBrush(theme.Accent), PageGeometry.MarginLeft, y, XStringFormats.TopLeft);
                y += TitleHeight;
            }

            while (next < entries.Count && y + LineHeight <= PageGeometry.ContentBottom + 0.01)
            {
                DrawEntry(graphics, pages[p], entries[next], y);
                y += LineHeight;
                next++;
            }
        }
    }

    private void DrawEntry(XGraphics graphics, PdfPage tocPage, TocEntry entry, double top)
    {
        var font = entry.Level == 1 ? theme.Body.Bold : theme.Body.Regular;
        var brush = new XSolidBrush(entry.Level == 1 ? theme.Ink : theme.Muted);
        var left = PageGeometry.MarginLeft + (entry.Level - 1) * LevelIndent;
        var right = PageGeometry.MarginLeft + PageGeometry.ContentWidth;
        var middle = top + LineHeight / 2;
        var pageText = entry.PageNumber.ToString(CultureInfo.InvariantCulture);
        var pageWidth = wrapper.Measure(pageText, font);
        var textLeft = left + NumberColumn;
        var heading = wrapper.Truncate(entry.Heading, font, right - pageWidth - 24 - textLeft);

        graphics.DrawString(entry.Number, font, brush, left, middle, XStringFormats.CenterLeft);
        graphics.DrawString(heading, font, brush, textLeft, middle, XStringFormats.CenterLeft);
        graphics.DrawString(pageText, font, brush, right, middle, XStringFormats.CenterRight);
        var leaderStart = textLeft + wrapper.Measure(heading, font) + 6;
        var leaderEnd = right - pageWidth - 6;
        if (leaderEnd > leaderStart)
        {
            var dots = new XPen(theme.Rule, 0.8) { DashStyle = XDashStyle.Dot };
            graphics.DrawLine(dots, leaderStart, middle + 3, leaderEnd, middle + 3);
        }

        var area = graphics.Transformer.WorldToDefaultPage(new XRect(left, top, right - left, LineHeight));
        var link = tocPage.AddDocumentLink(new PdfRectangle(area), entry.PageNumber);
        // PDFsharp stamps each link with a random name and the current time; both are optional, and drop them
        // keeps the output reproducible.
        link.Elements.Remove("/NM");
        link.Elements.Remove("/M");
    }
}
