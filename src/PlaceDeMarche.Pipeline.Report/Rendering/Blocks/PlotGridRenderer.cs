using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Charts;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Blocks;

/// <summary>
/// Places a <see cref="PlotGrid"/> as one figure when its rows fit on a page at their smallest readable height;
/// otherwise as consecutive parts of as many whole rows as a page holds, each with its legend, the numbered caption
/// under the last part (a grid never runs into the footer).
/// </summary>
internal static class PlotGridRenderer
{
    public static void Render(RenderContext context, PlotGrid grid)
    {
        var (theme, wrapper, width) = (context.Theme, context.Wrapper, context.Composer.Width);
        var captionLines = FigurePlacer.CaptionLines(context, grid.Caption);
        var painter = new PlotGridPainter(grid, theme, wrapper);
        var rowsPerPage = painter.RowsFitting(width, PageGeometry.ContentHeight - FigurePlacer.CaptionHeight(context, captionLines));
        if (painter.Rows <= rowsPerPage)
        {
            FigurePlacer.Place(context, painter, captionLines);
            return;
        }

        var plotsPerPart = rowsPerPage * grid.Columns;
        for (var start = 0; start < grid.Plots.Count; start += plotsPerPart)
        {
            var part = grid with { Plots = grid.Plots.Skip(start).Take(plotsPerPart).ToArray() };
            var last = start + plotsPerPart >= grid.Plots.Count;
            FigurePlacer.Place(context, new PlotGridPainter(part, theme, wrapper), last ? captionLines : []);
        }
    }
}
