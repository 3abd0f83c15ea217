using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Pages;

/// <summary>The title page: a coloured band with title and subtitle, then author and date, and the
/// "SAMPLE DATA" banner when the report was built from sample data. A report with a preface (the summary for
/// management) gets a shorter band, so that the preface starts on this first page.</summary>
internal static class TitlePagePainter
{
    private const double CoverBandHeight = 330;
    private const double HeaderBandHeight = 136;
    private const double BannerPadding = 10;

    /// <returns>Where the free space below the title starts.</returns>
    public static double Draw(XGraphics graphics, ReportDocument document, ReportTheme theme, TextWrapper wrapper) =>
        document.Preface.Count > 0 ? DrawHeader(graphics, document, theme, wrapper) : DrawCover(graphics, document, theme, wrapper);

    private static double DrawCover(XGraphics graphics, ReportDocument document, ReportTheme theme, TextWrapper wrapper)
    {
        var left = PageGeometry.MarginLeft;
        var width = PageGeometry.ContentWidth;
        DrawBand(graphics, document, theme, wrapper, CoverBandHeight, 40, meta: []);
        var y = CoverBandHeight + 36;
        if (document.Author is not null)
        {
            y = DrawLines(graphics, wrapper.Wrap(document.Author, theme.TitleMeta.Bold, width), new XSolidBrush(theme.Ink), left, y, theme.TitleMeta.LineHeight);
        }

        var date = theme.Labels.FormatDate(document.Date);
        y = DrawLines(graphics, wrapper.Wrap(date, theme.TitleMeta.Regular, width), new XSolidBrush(theme.Muted), left, y, theme.TitleMeta.LineHeight);
        return document.IsSampleData ? DrawSampleBanner(graphics, theme, wrapper, y + 36) : y;
    }

    /// <summary>A short band holding title, subtitle, author and date, so that the preface fits below it on the first page.</summary>
    private static double DrawHeader(XGraphics graphics, ReportDocument document, ReportTheme theme, TextWrapper wrapper)
    {
        var meta = string.Join(" · ", new[] { document.Author, theme.Labels.FormatDate(document.Date) }.OfType<string>());
        DrawBand(graphics, document, theme, wrapper, HeaderBandHeight, 14, wrapper.Wrap(meta, theme.TitleMeta.Regular, PageGeometry.ContentWidth));
        var y = HeaderBandHeight + 8;
        return document.IsSampleData ? DrawSampleBanner(graphics, theme, wrapper, y) + 12 : y;
    }

    /// <summary>The coloured band, its text sitting <paramref name="bottomMargin"/> above its bottom, the way a cover reads.</summary>
    private static void DrawBand(
        XGraphics graphics, ReportDocument document, ReportTheme theme, TextWrapper wrapper, double bandHeight, double bottomMargin, IReadOnlyList<WrappedLine> meta)
    {
        var left = PageGeometry.MarginLeft;
        var width = PageGeometry.ContentWidth;
        graphics.DrawRectangle(new XSolidBrush(theme.Accent), 0, 0, PageGeometry.PageWidth, bandHeight);
        var titleLines = wrapper.Wrap(document.Title, theme.Title.Bold, width);
        var subtitleLines = document.Subtitle is null ? [] : wrapper.Wrap(document.Subtitle, theme.Subtitle.Regular, width);
        var textHeight = titleLines.Count * theme.Title.LineHeight + (subtitleLines.Count > 0 ? 10 + subtitleLines.Count * theme.Subtitle.LineHeight : 0)
            + (meta.Count > 0 ? 6 + meta.Count * theme.TitleMeta.LineHeight : 0);
        var pale = new XSolidBrush(XColor.FromArgb(0xD3, 0xE2, 0xF0));
        var y = bandHeight - bottomMargin - textHeight;
        y = DrawLines(graphics, titleLines, new XSolidBrush(XColors.White), left, y, theme.Title.LineHeight);
        y = DrawLines(graphics, subtitleLines, pale, left, y + 10, theme.Subtitle.LineHeight);
        DrawLines(graphics, meta, pale, left, y + 6, theme.TitleMeta.LineHeight);
    }

    /// <returns>The banner's bottom.</returns>
    private static double DrawSampleBanner(XGraphics graphics, ReportTheme theme, TextWrapper wrapper, double top)
    {
        var left = PageGeometry.MarginLeft;
        var width = PageGeometry.ContentWidth;
        var note = wrapper.Wrap(theme.Labels.SampleDataNotice, theme.Body.Regular, width - 2 * BannerPadding);
        var height = 2 * BannerPadding + theme.Subtitle.LineHeight + note.Count * theme.Body.LineHeight;
        graphics.DrawRectangle(new XSolidBrush(theme.Warning), left, top, width, height);
        var white = new XSolidBrush(XColors.White);
        graphics.DrawString(theme.Labels.SampleDataBanner, theme.Subtitle.Bold, white, left + BannerPadding, top + BannerPadding, XStringFormats.TopLeft);
        DrawLines(graphics, note, white, left + BannerPadding, top + BannerPadding + theme.Subtitle.LineHeight, theme.Body.LineHeight);
        return top + height;
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
