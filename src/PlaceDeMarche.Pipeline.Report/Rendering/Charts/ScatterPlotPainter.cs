using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Charts;

/// <summary>
/// Draws a <see cref="ScatterPlot"/> as vectors: title, framed plot area with gridlines and ticks, one marker per
/// finite point (colour and shape by category), a note counting skipped points, and optionally the legend.
/// </summary>
internal sealed class ScatterPlotPainter : IFigurePainter
{
    private const double MaxPlotHeight = 330;
    private const double MinPlotHeight = 70;
    private const double RightPadding = 8;

    private readonly ScatterPlot plot;
    private readonly ReportTheme theme;
    private readonly TextWrapper wrapper;
    private readonly AxisPainter axes;
    private readonly LegendPainter? legend;
    private readonly AxisScale xScale;
    private readonly AxisScale yScale;
    private readonly int finiteCount;
    private (double Width, IReadOnlyList<WrappedLine> Lines)? wrappedTitle;

    public ScatterPlotPainter(ScatterPlot plot, ReportTheme theme, TextWrapper wrapper, bool withLegend)
    {
        Validate(plot);
        this.plot = plot;
        this.theme = theme;
        this.wrapper = wrapper;
        axes = new AxisPainter(theme, wrapper);
        legend = withLegend ? new LegendPainter(LegendEntries(plot), theme, wrapper) : null;
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity;
        double yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        for (var i = 0; i < plot.X.Count; i++)
        {
            double x = plot.X[i], y = plot.Y[i];
            if (double.IsFinite(x) && double.IsFinite(y))
            {
                finiteCount++;
                (xMin, xMax) = (Math.Min(xMin, x), Math.Max(xMax, x));
                (yMin, yMax) = (Math.Min(yMin, y), Math.Max(yMax, y));
            }
        }

        xScale = AxisScale.Covering(xMin, xMax);
        yScale = AxisScale.Covering(yMin, yMax);
    }

    private int SkippedCount => plot.X.Count - finiteCount;

    public static IReadOnlyList<LegendEntry> LegendEntries(ScatterPlot plot) =>
        plot.CategoryNames.Select((name, index) => new LegendEntry(name, index)).ToArray();

    public double MeasureHeight(double width, double maxHeight)
    {
        var plotWidth = width - axes.LeftWidth(yScale, plot.YLabel) - RightPadding;
        var wanted = Math.Clamp(plotWidth * 0.68, MinPlotHeight, MaxPlotHeight);
        var chrome = ChromeHeight(width);
        return Math.Max(Math.Min(chrome + wanted, maxHeight), chrome + MinPlotHeight);
    }

    public void Draw(XGraphics graphics, XRect area)
    {
        var titleHeight = TitleHeight(area.Width);
        var titleBrush = new XSolidBrush(theme.Ink);
        var titleLines = TitleLines(area.Width);
        for (var i = 0; i < titleLines.Count; i++)
        {
            titleLines[i].Draw(graphics, titleBrush, area.Left + (area.Width - titleLines[i].Width) / 2, area.Top + i * TitleLineHeight, TitleLineHeight);
        }

        var left = area.Left + axes.LeftWidth(yScale, plot.YLabel);
        var plotArea = new XRect(left, area.Top + titleHeight, area.Right - RightPadding - left, area.Height - ChromeHeight(area.Width));
        axes.DrawVertical(graphics, plotArea, yScale, plot.YLabel, area.Left);
        axes.DrawHorizontal(graphics, plotArea, xScale, plot.XLabel, gridlines: true);
        graphics.DrawRectangle(new XPen(theme.Rule, 0.6), plotArea);

        if (finiteCount == 0)
        {
            graphics.DrawString(theme.Labels.NoData, theme.Chart.Italic, new XSolidBrush(theme.Muted), plotArea, XStringFormats.Center);
        }
        else
        {
            DrawPoints(graphics, plotArea);
        }

        var below = plotArea.Bottom + axes.BottomHeight(plot.XLabel);
        if (SkippedCount > 0)
        {
            var note = theme.Labels.Format(theme.Labels.SkippedPoints, SkippedCount, plot.X.Count);
            graphics.DrawString(note, theme.Chart.Italic, new XSolidBrush(theme.Muted), area.Left + area.Width / 2, below, XStringFormats.TopCenter);
            below += theme.Chart.LineHeight;
        }

        legend?.Draw(graphics, new XRect(area.Left, below, area.Width, area.Bottom - below));
    }

    private double TitleLineHeight => theme.ChartTitle.Size * 1.3;

    private double TitleHeight(double width) => TitleLines(width).Count * TitleLineHeight + theme.ChartTitle.Size * 0.3;

    /// <summary>The title wrapped for <paramref name="width"/>, once per width (measuring and drawing all ask for it).</summary>
    private IReadOnlyList<WrappedLine> TitleLines(double width)
    {
        if (wrappedTitle is not { } cached || cached.Width != width)
        {
            wrappedTitle = cached = (width, WrapTitle(width));
        }

        return cached.Lines;
    }

    /// <summary>The title on at most two lines, so that a half-page panel keeps its whole title; only a longer one is shortened.</summary>
    private IReadOnlyList<WrappedLine> WrapTitle(double width)
    {
        var lines = wrapper.Wrap(plot.Title, theme.ChartTitle, width);
        if (lines.Count <= 2)
        {
            return lines;
        }

        // The words that fill the first line, then the rest shortened to the second.
        var words = plot.Title.Split(' ');
        var taken = 1;
        while (taken < words.Length && wrapper.Measure(string.Join(' ', words[..(taken + 1)]), theme.ChartTitle) <= width)
        {
            taken++;
        }

        var rest = wrapper.Truncate(string.Join(' ', words[taken..]), theme.ChartTitle, width);
        return [.. wrapper.Wrap(string.Join(' ', words[..taken]), theme.ChartTitle, width).Take(1), .. wrapper.Wrap(rest, theme.ChartTitle, width).Take(1)];
    }

    private double ChromeHeight(double width) =>
        TitleHeight(width) + axes.BottomHeight(plot.XLabel) + (SkippedCount > 0 ? theme.Chart.LineHeight : 0) + (legend?.MeasureHeight(width) ?? 0);

    private void DrawPoints(XGraphics graphics, XRect plotArea)
    {
        // Smaller markers when points are many or the plot is small, so that clusters stay readable.
        var radius = (finiteCount > 3000 ? 1.3 : finiteCount > 400 ? 1.9 : 2.8) * Math.Clamp(plotArea.Width / 420, 0.75, 1.0);
        var brushes = new XBrush[ChartPalette.Size];
        for (var c = 0; c < brushes.Length; c++)
        {
            // Slight transparency shows density where markers overlap.
            var color = ChartPalette.ColorFor(c);
            brushes[c] = new XSolidBrush(XColor.FromArgb(210, color.R, color.G, color.B));
        }

        if (plot.ConnectCategories)
            DrawLines(graphics, plotArea);

        var markers = new MarkerPainter();
        for (var i = 0; i < plot.X.Count; i++)
        {
            double x = plot.X[i], y = plot.Y[i];
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                continue;
            }

            var category = plot.CategoryNames.Count == 0 ? 0 : plot.Categories[i];
            var px = plotArea.Left + xScale.Fraction(x) * plotArea.Width;
            var py = plotArea.Bottom - yScale.Fraction(y) * plotArea.Height;
            markers.Draw(graphics, brushes[category % brushes.Length], ChartPalette.ShapeFor(category), px, py, radius);
        }
    }

    /// <summary>One polyline per category through its finite points, in the plot's order.</summary>
    private void DrawLines(XGraphics graphics, XRect plotArea)
    {
        var categories = plot.CategoryNames.Count == 0 ? 1 : plot.CategoryNames.Count;
        for (var c = 0; c < categories; c++)
        {
            var points = Enumerable.Range(0, plot.X.Count)
                .Where(i => (plot.CategoryNames.Count == 0 || plot.Categories[i] == c) && double.IsFinite(plot.X[i]) && double.IsFinite(plot.Y[i]))
                .Select(i => new XPoint(plotArea.Left + xScale.Fraction(plot.X[i]) * plotArea.Width, plotArea.Bottom - yScale.Fraction(plot.Y[i]) * plotArea.Height))
                .ToArray();
            if (points.Length > 1)
                graphics.DrawLines(new XPen(ChartPalette.ColorFor(c), 1.0), points);
        }
    }

    private static void Validate(ScatterPlot plot)
    {
        if (plot.Y.Count != plot.X.Count || plot.Categories.Count != plot.X.Count)
        {
            throw new ArgumentException(
                $"Scatter plot '{plot.Title}': X has {plot.X.Count} values, Y {plot.Y.Count} and Categories {plot.Categories.Count}; " +
                "give one x, one y and one category per point.", nameof(plot));
        }

        if (plot.CategoryNames.Count == 0)
        {
            return;
        }

        for (var i = 0; i < plot.Categories.Count; i++)
        {
            var category = plot.Categories[i];
            if ((uint)category >= (uint)plot.CategoryNames.Count)
            {
                throw new ArgumentException(
                    $"Scatter plot '{plot.Title}': point {i} has category {category}, outside [0, {plot.CategoryNames.Count}) " +
                    "(the number of category names); fix the category indices or add the missing names.", nameof(plot));
            }
        }
    }
}
