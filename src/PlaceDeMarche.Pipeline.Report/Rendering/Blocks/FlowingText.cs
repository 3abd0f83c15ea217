using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Blocks;

/// <summary>Draws wrapped lines down the page, continuing on the next page when the page is full.</summary>
internal static class FlowingText
{
    /// <summary>Lines kept together at the start of a block, so that a paragraph never starts with a lone line
    /// at the foot of a page.</summary>
    private const int MinimumLinesAtStart = 2;

    public static void Draw(RenderContext context, IReadOnlyList<WrappedLine> lines, double left, double width,
        double lineHeight, XBrush brush, TextAlignment alignment = TextAlignment.Left)
    {
        var composer = context.Composer;
        composer.EnsureRoom(Math.Min(lines.Count, MinimumLinesAtStart) * lineHeight);
        foreach (var line in lines)
        {
            composer.EnsureRoom(lineHeight);
            var x = alignment switch
            {
                TextAlignment.Center => left + (width - line.Width) / 2,
                TextAlignment.Right => left + width - line.Width,
                _ => left,
            };
            line.Draw(composer.Graphics, brush, x, composer.Y, lineHeight);
            composer.Advance(lineHeight);
        }
    }
}
