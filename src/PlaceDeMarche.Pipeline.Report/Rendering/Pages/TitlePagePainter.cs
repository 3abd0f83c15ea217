using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Pages;

/// <summary>The title page: a coloured band with title and subtitle, then author and date, and the
/// "SAMPLE DATA" banner when the report was built from sample data.</summary>
internal static class TitlePagePainter
{
    private const double BandHeight = 330;
    private const double BannerPadding = 10;

    public static void Draw(XGraphics graphics, ReportDocument document, ReportTheme theme, TextWrapper wrapper)
    {
        var left = PageGeometry.MarginLeft;
        var width = PageGeometry.ContentWidth;
        graphics.DrawRectangle(new XSolidBrush(theme.Accent), 0, 0, PageGeometry.PageWidth, BandHeight);

        var titleLines = wrapper.Wrap(document.Title, theme.Title.Bold, width);
        var subtitleLines = document.Subtitle is null ? [] : wrapper.Wrap(document.Subtitle, theme.Subtitle.Regular, width);
        var textHeight = titleLines.Count * theme.Title.LineHeight + (subtitleLines.Count > 0 ? 10 + subtitleLines.Count * theme.Subtitle.LineHeight : 0);
        // Text sits on the bottom of the band, the way a cover reads.
        var y = BandHeight - 40 - textHeight;
        y = DrawLines(graphics, titleLines, new XSolidBrush(XColors.White), left, y, theme.Title.LineHeight);
        y = DrawLines(graphics, subtitleLines, new XSolidBrush(XColor.FromArgb(0xD3, 0xE2, 0xF0)), left, y + 10, theme.Subtitle.LineHeight);

        y = BandHeight + 36;
        if (document.Author is not null)
        {
            y = DrawLines(graphics, wrapper.Wrap(document.Author, theme.TitleMeta.Bold, width), new XSolidBrush(theme.Ink), left, y, theme.TitleMeta.LineHeight);
        }

        var date = theme.Labels.FormatDate(document.Date);
        y = DrawLines(graphics, wrapper.Wrap(date, theme.TitleMeta.Regular, width), new XSolidBrush(theme.Muted), left, y, theme.TitleMeta.LineHeight);

        if (document.IsSampleData)
        {
            DrawSampleBanner(graphics, theme, wrapper, y + 36);
        }
    }

    private static void DrawSampleBanner(XGraphics graphics, ReportTheme theme, TextWrapper wrapper, double top)
    {
        var left = PageGeometry.MarginLeft;
        var width = PageGeometry.ContentWidth;
        var note = wrapper.Wrap(theme.Labels.SampleDataNotice, theme.Body.Regular, width - 2 * BannerPadding);
        var height = 2 * BannerPadding + theme.Subtitle.LineHeight + note.Count * theme.Body.LineHeight;
        graphics.DrawRectangle(new XSolidBrush(theme.Warning), left, top, width, height);
        var white = new XSolidBrush(XColors.White);
        graphics.DrawString(theme.Labels.SampleDataBanner, theme.Subtitle.Bold, white, left + BannerPadding, top + BannerPadding, XStringFormats.TopLeft);
        DrawLines(graphics, note, white, left + BannerPadding, top + BannerPadding + theme.Subtitle.LineHeight, theme.Body.LineHeight);
    }

    private static double DrawLines(XGraphics graphics, IReadOnlyList<WrappedLine> lines, XBrush brush, double left, double top, double lineHeight)
    {
        foreach (var line in lines)
        {
            line.Draw(graphics, brush, left, top, lineHeight);
            top += lineHeight;
        }

        return top;
    }
}
