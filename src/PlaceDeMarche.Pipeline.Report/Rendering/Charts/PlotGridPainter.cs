using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Charts;

/// <summary>
/// Scatter plots in a grid of equal cells. When all plots have the same category names, one legend below the grid
/// serves them all; otherwise (e.g. true categories beside cluster numbers) each plot keeps its own legend.
/// </summary>
internal sealed class PlotGridPainter : IFigurePainter
{
    private const double Gap = 10;
    private const double EmptyHeight = 30;

    private readonly ReportTheme theme;
    private readonly int columns;
    private readonly int rows;
    private readonly ScatterPlotPainter[] cells;
    private readonly LegendPainter legend;

    public PlotGridPainter(PlotGrid grid, ReportTheme theme, TextWrapper wrapper)
    {
        if (grid.Columns is < 1 or > 4)
        {
            throw new ArgumentException($"Plot grid: Columns is {grid.Columns}; use 1 to 4 plots per row.", nameof(grid));
        }

        this.theme = theme;
        columns = grid.Columns;
        rows = (grid.Plots.Count + columns - 1) / columns;
        var shared = grid.Plots.All(plot => plot.CategoryNames.SequenceEqual(grid.Plots[0].CategoryNames));
        cells = grid.Plots.Select(plot => new ScatterPlotPainter(plot, theme, wrapper, withLegend: !shared)).ToArray();
        legend = new LegendPainter(shared && grid.Plots.Count > 0 ? ScatterPlotPainter.LegendEntries(grid.Plots[0]) : [], theme, wrapper);
    }

    /// <summary>Rows of plots in the grid.</summary>
    public int Rows => rows;

    public double MeasureHeight(double width, double maxHeight)
    {
        if (cells.Length == 0)
        {
            return EmptyHeight;
        }

        var cellWidth = CellWidth(width);
        var cellHeight = cells.Max(cell => cell.MeasureHeight(cellWidth, double.PositiveInfinity));
        var fixedHeight = legend.MeasureHeight(width) + (rows - 1) * Gap;
        var fitted = Math.Min(cellHeight, (maxHeight - fixedHeight) / rows);
        var smallest = cells.Max(cell => cell.MeasureHeight(cellWidth, 0));
        return fixedHeight + rows * Math.Max(fitted, smallest);
    }

    public void Draw(XGraphics graphics, XRect area)
    {
        if (cells.Length == 0)
        {
            graphics.DrawString(theme.Labels.NoData, theme.Chart.Italic, new XSolidBrush(theme.Muted), area, XStringFormats.Center);
            return;
        }

        var legendHeight = legend.MeasureHeight(area.Width);
        var cellWidth = CellWidth(area.Width);
        var cellHeight = (area.Height - legendHeight - (rows - 1) * Gap) / rows;
        for (var i = 0; i < cells.Length; i++)
        {
            var (row, column) = Math.DivRem(i, columns);
            var cell = new XRect(area.Left + column * (cellWidth + Gap), area.Top + row * (cellHeight + Gap), cellWidth, cellHeight);
            cells[i].Draw(graphics, cell);
        }

        legend.Draw(graphics, new XRect(area.Left, area.Bottom - legendHeight, area.Width, legendHeight));
    }

    /// <summary>How many rows of plots, at their smallest readable height, fit in <paramref name="maxHeight"/> with
    /// the legend (at least one).</summary>
    public int RowsFitting(double width, double maxHeight)
    {
        if (cells.Length == 0)
        {
            return 1;
        }

        var smallest = cells.Max(cell => cell.MeasureHeight(CellWidth(width), 0));
        return Math.Max(1, (int)((maxHeight - legend.MeasureHeight(width) + Gap) / (smallest + Gap)));
    }

    private double CellWidth(double width) => (width - (columns - 1) * Gap) / columns;
}
