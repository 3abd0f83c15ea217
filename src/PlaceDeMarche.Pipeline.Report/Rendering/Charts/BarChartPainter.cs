using System.Globalization;
using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Charts;

/// <summary>
/// Draws bars <c>[first, first + count)</c> of a <see cref="BarChart"/>: labels on the left, horizontal bars from
/// zero with their value at the end, gridlines and a value axis. The scale always covers the whole chart, so the
/// parts of a chart split over several pages compare directly.
/// </summary>
internal sealed class BarChartPainter : IFigurePainter
{
    public const double RowHeight = 16;
    private const double BarThickness = 10.5;
    private const double EmptyHeight = 30;

    private readonly BarChart chart;
    private readonly ReportTheme theme;
    private readonly TextWrapper wrapper;
    private readonly AxisPainter axes;
    private readonly int first;
    private readonly int count;
    private readonly AxisScale scale;

    public BarChartPainter(BarChart chart, ReportTheme theme, TextWrapper wrapper, int first, int count)
    {
        this.chart = chart;
        this.theme = theme;
        this.wrapper = wrapper;
        this.first = first;
        this.count = count;
        axes = new AxisPainter(theme, wrapper);
        var finite = chart.Values.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        scale = AxisScale.Covering(Math.Min(0, finite.Min()), Math.Max(0, finite.Max()), targetTicks: 5);
    }

    public static void Validate(BarChart chart)
    {
        if (chart.Labels.Count != chart.Values.Count)
        {
            throw new ArgumentException(
                $"Bar chart '{chart.Title}': {chart.Labels.Count} labels but {chart.Values.Count} values; give one value per label.",
                nameof(chart));
        }

        if (chart.HighlightedBar is { } bar && (uint)bar >= (uint)chart.Values.Count)
        {
            throw new ArgumentException(
                $"Bar chart '{chart.Title}': HighlightedBar is {bar} but there are {chart.Values.Count} bars.", nameof(chart));
        }
    }

    /// <summary>Height of everything but the bars: title and value axis.</summary>
    public double ChromeHeight => TitleHeight + 4 + axes.BottomHeight(chart.ValueLabel);

    private double TitleHeight => theme.ChartTitle.Size * 1.6;

    public double MeasureHeight(double width, double maxHeight) => count == 0 ? TitleHeight + EmptyHeight : ChromeHeight + count * RowHeight;

    public void Draw(XGraphics graphics, XRect area)
    {
        var title = first == 0 ? chart.Title : $"{chart.Title} {theme.Labels.Continued}";
        graphics.DrawString(wrapper.Truncate(title, theme.ChartTitle, area.Width), theme.ChartTitle, new XSolidBrush(theme.Ink),
            area.Left + area.Width / 2, area.Top, XStringFormats.TopCenter);
        if (count == 0)
        {
            var empty = new XRect(area.Left, area.Top + TitleHeight, area.Width, EmptyHeight);
            graphics.DrawString(theme.Labels.NoData, theme.Chart.Italic, new XSolidBrush(theme.Muted), empty, XStringFormats.Center);
            return;
        }

        var font = theme.Chart.Regular;
        var labelWidth = Math.Min(Enumerable.Range(first, count).Max(i => wrapper.Measure(chart.Labels[i], font)), area.Width * 0.35);
        var valueWidth = Enumerable.Range(0, chart.Values.Count).Max(i => wrapper.Measure(ValueText(i), font)) + 4;
        var barsLeft = area.Left + labelWidth + 6 + (scale.Min < 0 ? valueWidth : 0);
        var plot = new XRect(barsLeft, area.Top + TitleHeight + 4, area.Right - valueWidth - barsLeft, count * RowHeight);
        axes.DrawHorizontal(graphics, plot, scale, chart.ValueLabel, gridlines: true);

        var zeroX = plot.Left + scale.Fraction(0) * plot.Width;
        var normal = new XSolidBrush(ChartPalette.ColorFor(0));
        var highlighted = new XSolidBrush(ChartPalette.ColorFor(1));
        var ink = new XSolidBrush(theme.Ink);
        var muted = new XSolidBrush(theme.Muted);
        for (var row = 0; row < count; row++)
        {
            var index = first + row;
            var middle = plot.Top + (row + 0.5) * RowHeight;
            var label = wrapper.Truncate(chart.Labels[index], font, labelWidth);
            graphics.DrawString(label, font, ink, plot.Left - 6 - (scale.Min < 0 ? valueWidth : 0), middle, XStringFormats.CenterRight);
            var value = chart.Values[index];
            if (!double.IsFinite(value))
            {
                graphics.DrawString(ValueText(index), theme.Chart.Italic, muted, zeroX + 3, middle, XStringFormats.CenterLeft);
                continue;
            }

            var end = plot.Left + scale.Fraction(value) * plot.Width;
            var brush = index == chart.HighlightedBar ? highlighted : normal;
            graphics.DrawRectangle(brush, Math.Min(zeroX, end), middle - BarThickness / 2, Math.Abs(end - zeroX), BarThickness);
            var textFont = index == chart.HighlightedBar ? theme.Chart.Bold : font;
            graphics.DrawString(ValueText(index), textFont, ink, value >= 0 ? end + 3 : end - 3, middle,
                value >= 0 ? XStringFormats.CenterLeft : XStringFormats.CenterRight);
        }

        graphics.DrawLine(new XPen(theme.Muted, 0.7), zeroX, plot.Top, zeroX, plot.Bottom);
    }

    private string ValueText(int index)
    {
        var value = chart.Values[index];
        return double.IsFinite(value) ? theme.Labels.Number(value, chart.ValueFormat) : theme.Labels.NotAvailable;
    }
}
