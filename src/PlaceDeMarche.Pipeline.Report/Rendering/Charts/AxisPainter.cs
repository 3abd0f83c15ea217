using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Charts;

/// <summary>Gridlines, tick marks, tick labels and axis titles around a plot area.</summary>
internal sealed class AxisPainter
{
    public const double TickLength = 3;

    private readonly ReportTheme theme;
    private readonly TextWrapper wrapper;

    public AxisPainter(ReportTheme theme, TextWrapper wrapper)
    {
        this.theme = theme;
        this.wrapper = wrapper;
    }

    /// <summary>Height taken below the plot area by tick labels and an optional axis title.</summary>
    public double BottomHeight(string? title) => TickLength + theme.Chart.LineHeight + (title is null ? 0 : theme.ChartAxisLabel.Size * 1.5);

    /// <summary>Width taken left of the plot area by tick labels and an optional (rotated) axis title.</summary>
    public double LeftWidth(AxisScale scale, string? title)
    {
        var widest = 0.0;
        for (var i = 0; i < scale.TickCount; i++)
        {
            widest = Math.Max(widest, wrapper.Measure(scale.Format(scale.Tick(i), theme.Labels), theme.Chart.Regular));
        }

        return TickLength + 2 + widest + (title is null ? 0 : theme.ChartAxisLabel.Size * 1.6);
    }

    public void DrawHorizontal(XGraphics graphics, XRect plot, AxisScale scale, string? title, bool gridlines)
    {
        var gridPen = new XPen(theme.Gridline, 0.5);
        var tickPen = new XPen(theme.Muted, 0.6);
        var labelBrush = new XSolidBrush(theme.Muted);
        for (var i = 0; i < scale.TickCount; i++)
        {
            var value = scale.Tick(i);
            var x = plot.Left + scale.Fraction(value) * plot.Width;
            if (gridlines)
            {
                graphics.DrawLine(gridPen, x, plot.Top, x, plot.Bottom);
            }

            graphics.DrawLine(tickPen, x, plot.Bottom, x, plot.Bottom + TickLength);
            graphics.DrawString(scale.Format(value, theme.Labels), theme.Chart.Regular, labelBrush, x, plot.Bottom + TickLength + 1, XStringFormats.TopCenter);
        }

        if (title is not null)
        {
            var text = wrapper.Truncate(title, theme.ChartAxisLabel, plot.Width);
            var top = plot.Bottom + TickLength + theme.Chart.LineHeight + 1;
            graphics.DrawString(text, theme.ChartAxisLabel, new XSolidBrush(theme.Ink), plot.Left + plot.Width / 2, top, XStringFormats.TopCenter);
        }
    }

    public void DrawVertical(XGraphics graphics, XRect plot, AxisScale scale, string? title, double leftEdge)
    {
        var gridPen = new XPen(theme.Gridline, 0.5);
        var tickPen = new XPen(theme.Muted, 0.6);
        var labelBrush = new XSolidBrush(theme.Muted);
        for (var i = 0; i < scale.TickCount; i++)
        {
            var value = scale.Tick(i);
            var y = plot.Bottom - scale.Fraction(value) * plot.Height;
            graphics.DrawLine(gridPen, plot.Left, y, plot.Right, y);
            graphics.DrawLine(tickPen, plot.Left - TickLength, y, plot.Left, y);
            graphics.DrawString(scale.Format(value, theme.Labels), theme.Chart.Regular, labelBrush, plot.Left - TickLength - 2, y, XStringFormats.CenterRight);
        }

        if (title is not null)
        {
            var text = wrapper.Truncate(title, theme.ChartAxisLabel, plot.Height);
            var anchor = new XPoint(leftEdge, plot.Top + plot.Height / 2);
            var state = graphics.Save();
            graphics.RotateAtTransform(-90, anchor);
            graphics.DrawString(text, theme.ChartAxisLabel, new XSolidBrush(theme.Ink), anchor, XStringFormats.TopCenter);
            graphics.Restore(state);
        }
    }
}
