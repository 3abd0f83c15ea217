using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Images;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Blocks;

/// <summary>
/// Renders an <see cref="ImageGrid"/> row by row (a row never splits; rows flow over pages): square cells with the
/// thumbnail centred and up to two lines of caption under it, then the grid's numbered caption, which stays on the page
/// of the last row (a figure's caption is never alone at the top of a page).
/// </summary>
internal static class ImageGridRenderer
{
    private const double Gap = 8;
    private const int CaptionLines = 2;

    public static void Render(RenderContext context, ImageGrid grid)
    {
        if (grid.Columns is < 1 or > 8)
        {
            throw new ArgumentException($"Image grid: Columns is {grid.Columns}; use 1 to 8 thumbnails per row.", nameof(grid));
        }

        var (composer, theme) = (context.Composer, context.Theme);
        var painters = grid.Images.Select(image => new ImagePainter(image, theme)).ToArray();
        var cellWidth = (composer.Width - (grid.Columns - 1) * Gap) / grid.Columns;
        var captionFont = theme.Chart.Regular;
        var captionHeight = CaptionLines * theme.Chart.LineHeight;
        var rowHeight = cellWidth + 2 + captionHeight;
        var ink = new XSolidBrush(theme.Ink);
        var gridCaption = grid.Caption is null
            ? []
            : context.Wrapper.Wrap([new TextRun(context.NextFigureLabel() + " ", TextEmphasis.Bold), new TextRun(grid.Caption)], theme.Caption, composer.Width);
        var gridCaptionHeight = gridCaption.Count * theme.Caption.LineHeight;
        for (var start = 0; start < painters.Length; start += grid.Columns)
        {
            var lastRow = start + grid.Columns >= painters.Length;
            composer.EnsureRoom(rowHeight + (lastRow ? Gap / 2 + gridCaptionHeight : 0));
            for (var column = 0; column < grid.Columns && start + column < painters.Length; column++)
            {
                var left = composer.Left + column * (cellWidth + Gap);
                painters[start + column].Draw(composer.Graphics, new XRect(left, composer.Y, cellWidth, cellWidth));
                var lines = ClampLines(context, grid.Images[start + column].Caption, captionFont, cellWidth);
                var top = composer.Y + cellWidth + 2;
                foreach (var line in lines)
                {
                    line.Draw(composer.Graphics, ink, left + (cellWidth - line.Width) / 2, top, theme.Chart.LineHeight);
                    top += theme.Chart.LineHeight;
                }
            }

            composer.Advance(rowHeight);
            composer.AddSpacing(Gap / 2);
        }

        if (grid.Images.Count == 0)
        {
            FlowingText.Draw(context, context.Wrapper.Wrap(theme.Labels.NoImage, theme.Caption.Italic, composer.Width), composer.Left,
                composer.Width, theme.Caption.LineHeight, new XSolidBrush(theme.Muted), TextAlignment.Center);
        }

        if (gridCaption.Count > 0)
        {
            FlowingText.Draw(context, gridCaption, composer.Left, composer.Width, theme.Caption.LineHeight, new XSolidBrush(theme.Muted), TextAlignment.Center);
        }
    }

    /// <summary>Wraps a thumbnail caption to at most two lines, ending the second with an ellipsis if cut.</summary>
    private static IReadOnlyList<WrappedLine> ClampLines(RenderContext context, string caption, XFont font, double width)
    {
        var lines = context.Wrapper.Wrap(caption, font, width);
        if (lines.Count <= CaptionLines)
        {
            return lines;
        }

        var kept = lines.Take(CaptionLines - 1).ToList();
        var rest = string.Join(" ", lines.Skip(CaptionLines - 1).SelectMany(line => line.Fragments).Select(fragment => fragment.Text));
        kept.AddRange(context.Wrapper.Wrap(context.Wrapper.Truncate(rest, font, width), font, width));
        return kept;
    }
}
