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

    public static void Place(RenderContext context, IFigurePainter painter, string? caption) =>
        Place(context, painter, CaptionLines(context, caption));

    /// <summary>The numbered caption's lines (none without a caption); takes the figure's number.</summary>
    public static IReadOnlyList<WrappedLine> CaptionLines(RenderContext context, string? caption) => caption is null
        ? []
        : context.Wrapper.Wrap([new TextRun(context.NextFigureLabel() + " ", TextEmphasis.Bold), new TextRun(caption)],
            context.Theme.Caption, context.Composer.Width);

    /// <summary>The height <paramref name="captionLines"/> take under a figure.</summary>
    public static double CaptionHeight(RenderContext context, IReadOnlyList<WrappedLine> captionLines) =>
        captionLines.Count == 0 ? 0 : CaptionGap + captionLines.Count * context.Theme.Caption.LineHeight;

    public static void Place(RenderContext context, IFigurePainter painter, IReadOnlyList<WrappedLine> captionLines)
    {
        var (composer, captionFonts) = (context.Composer, context.Theme.Caption);
        var captionHeight = CaptionHeight(context, captionLines);
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
