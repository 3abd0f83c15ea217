using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Pages;

/// <summary>Header (report title, SAMPLE DATA mark) and footer (date, "Page X / Y") on every page but the title
/// page, drawn last when the page count is known.</summary>
internal static class PageFurniturePainter
{
    public static void Draw(PdfDocument pdf, ReportDocument document, ReportTheme theme, TextWrapper wrapper)
    {
        var fonts = theme.PageFurniture;
        var muted = new XSolidBrush(theme.Muted);
        var rule = new XPen(theme.Rule, 0.5);
        var left = PageGeometry.MarginLeft;
        var right = left + PageGeometry.ContentWidth;
        var date = theme.Labels.FormatDate(document.Date);
        var title = wrapper.Truncate(document.Title, fonts.Regular, PageGeometry.ContentWidth * 0.7);
        for (var index = 1; index < pdf.PageCount; index++)
        {
            using var graphics = XGraphics.FromPdfPage(pdf.Pages[index], XGraphicsPdfPageOptions.Append);
            graphics.DrawString(title, fonts.Regular, muted, left, PageGeometry.HeaderBaseline, XStringFormats.BaseLineLeft);
            if (document.IsSampleData)
            {
                graphics.DrawString(theme.Labels.SampleDataBanner, fonts.Bold, new XSolidBrush(theme.Warning), right, PageGeometry.HeaderBaseline, XStringFormats.BaseLineRight);
            }

            graphics.DrawLine(rule, left, PageGeometry.HeaderRule, right, PageGeometry.HeaderRule);
            graphics.DrawLine(rule, left, PageGeometry.FooterBaseline - 12, right, PageGeometry.FooterBaseline - 12);
            graphics.DrawString(date, fonts.Regular, muted, left, PageGeometry.FooterBaseline, XStringFormats.BaseLineLeft);
            var pageText = theme.Labels.Format(theme.Labels.PageNumber, index + 1, pdf.PageCount);
            graphics.DrawString(pageText, fonts.Regular, muted, right, PageGeometry.FooterBaseline, XStringFormats.BaseLineRight);
        }
    }
}
