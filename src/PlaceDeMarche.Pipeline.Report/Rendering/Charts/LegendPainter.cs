using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Charts;

/// <summary>A legend flowed in centred lines below a chart: marker, then name, as many per line as fit.</summary>
internal sealed class LegendPainter
{
    private const double MarkerRadius = 3.2;
    private const double MarkerGap = 4;
    private const double EntryGap = 12;

    private readonly IReadOnlyList<LegendEntry> entries;
    private readonly ReportTheme theme;
    private readonly TextWrapper wrapper;
    private readonly MarkerPainter markers = new();

    public LegendPainter(IReadOnlyList<LegendEntry> entries, ReportTheme theme, TextWrapper wrapper)
    {
        this.entries = entries;
        this.theme = theme;
        this.wrapper = wrapper;
    }

    private double LineHeight => theme.Chart.LineHeight + 2;

    public double MeasureHeight(double width) => entries.Count == 0 ? 0 : LayOut(width).Count * LineHeight + 4;

    public void Draw(XGraphics graphics, XRect area)
    {
        var font = theme.Chart.Regular;
        var ink = new XSolidBrush(theme.Ink);
        var top = area.Top + 4;
        foreach (var line in LayOut(area.Width))
        {
            var x = area.Left + (area.Width - line.Width) / 2;
            var middle = top + LineHeight / 2;
            foreach (var (entry, text, textWidth) in line.Items)
            {
                var brush = new XSolidBrush(ChartPalette.ColorFor(entry.Category));
                markers.Draw(graphics, brush, ChartPalette.ShapeFor(entry.Category), x + MarkerRadius, middle, MarkerRadius);
                graphics.DrawString(text, font, ink, x + 2 * MarkerRadius + MarkerGap, middle, XStringFormats.CenterLeft);
                x += 2 * MarkerRadius + MarkerGap + textWidth + EntryGap;
            }

            top += LineHeight;
        }
    }

    private List<LegendLine> LayOut(double width)
    {
        var font = theme.Chart.Regular;
        var lines = new List<LegendLine>();
        var current = new LegendLine();
        foreach (var entry in entries)
        {
            var text = wrapper.Truncate(entry.Name, font, width - 2 * MarkerRadius - MarkerGap);
            var textWidth = wrapper.Measure(text, font);
            var itemWidth = 2 * MarkerRadius + MarkerGap + textWidth;
            var needed = current.Items.Count == 0 ? itemWidth : current.Width + EntryGap + itemWidth;
            if (current.Items.Count > 0 && needed > width)
            {
                lines.Add(current);
                current = new LegendLine();
                needed = itemWidth;
            }

            current.Items.Add((entry, text, textWidth));
            current.Width = needed;
        }

        if (current.Items.Count > 0)
        {
            lines.Add(current);
        }

        return lines;
    }

    private sealed class LegendLine
    {
        public List<(LegendEntry Entry, string Text, double TextWidth)> Items { get; } = [];

        public double Width { get; set; }
    }
}
