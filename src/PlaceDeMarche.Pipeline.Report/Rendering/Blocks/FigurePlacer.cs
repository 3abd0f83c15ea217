using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Blocks;

/// <summary>Places a figure drawn in one piece, with its numbered caption below it, on the current page if it fits
/// and at the top of the next page otherwise.</summary>
internal static class FigurePlacer
{
    private const double CaptionGap = 4;

    public static void Place(RenderContext context, IFigurePainter painter, string? caption)
    {
        var (composer, captionFonts) = (context.Composer, context.Theme.Caption);
        var captionLines = caption is null
            ? []
            : context.Wrapper.Wrap([new TextRun(context.NextFigureLabel() + " ", TextEmphasis.Bold), new TextRun(caption)],
                captionFonts, composer.Width);
        var captionHeight = captionLines.Count == 0 ? 0 : CaptionGap + captionLines.Count * captionFonts.LineHeight;
        var height = painter.MeasureHeight(composer.Width, PageGeometry.ContentHeight - captionHeight);
        composer.EnsureRoom(height + captionHeight);
        painter.Draw(composer.Graphics, new XRect(composer.Left, composer.Y, composer.Width, height));
        composer.Advance(height);
        if (captionLines.Count > 0)
        {
            composer.Advance(CaptionGap);
            FlowingText.Draw(context, captionLines, composer.Left, composer.Width, captionFonts.LineHeight,
                new XSolidBrush(context.Theme.Muted), TextAlignment.Center);
        }
    }
}
