using System.Globalization;
using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Charts;

/// <summary>
/// Draws a <see cref="Heatmap"/>: row labels on the left, column labels written upwards above the cells, each cell
/// filled on a sequential scale with its value printed, and a colour bar on the right.
/// </summary>
internal sealed class HeatmapPainter : IFigurePainter
{
    private const double MaxCell = 34;
    private const double MinCell = 9;
    private const double MaxColumnLabelHeight = 110;
    private const double LabelGap = 4;
    private const double ColorBarWidth = 9;
    private const double EmptyHeight = 40;

    private readonly Heatmap heatmap;
    private readonly ReportTheme theme;
    private readonly TextWrapper wrapper;
    private readonly double minValue;
    private readonly double maxValue;
    private readonly bool hasValues;

    public HeatmapPainter(Heatmap heatmap, ReportTheme theme, TextWrapper wrapper)
    {
        Validate(heatmap);
        this.heatmap = heatmap;
        this.theme = theme;
        this.wrapper = wrapper;
        minValue = double.PositiveInfinity;
        maxValue = double.NegativeInfinity;
        foreach (var value in heatmap.Values.SelectMany(row => row).Where(double.IsFinite))
        {
            (minValue, maxValue) = (Math.Min(minValue, value), Math.Max(maxValue, value));
        }

        hasValues = minValue <= maxValue;
    }

    private int RowCount => heatmap.RowLabels.Count;

    private int ColumnCount => heatmap.ColumnLabels.Count;

    private double TitleHeight => theme.ChartTitle.Size * 1.6;

    private double AxisTitleHeight => theme.ChartAxisLabel.Size * 1.6;

    public double MeasureHeight(double width, double maxHeight)
    {
        if (RowCount == 0 || ColumnCount == 0)
        {
            return TitleHeight + EmptyHeight;
        }

        var cell = CellSize(width, maxHeight);
        return Chrome + RowCount * cell;
    }

    public void Draw(XGraphics graphics, XRect area)
    {
        var ink = new XSolidBrush(theme.Ink);
        graphics.DrawString(wrapper.Truncate(heatmap.Title, theme.ChartTitle, area.Width), theme.ChartTitle, ink,
            area.Left + area.Width / 2, area.Top, XStringFormats.TopCenter);
        if (RowCount == 0 || ColumnCount == 0)
        {
            var empty = new XRect(area.Left, area.Top + TitleHeight, area.Width, EmptyHeight);
            graphics.DrawString(theme.Labels.NoData, theme.Chart.Italic, new XSolidBrush(theme.Muted), empty, XStringFormats.Center);
            return;
        }

        var cell = CellSize(area.Width, area.Height);
        var rowLabelWidth = RowLabelWidth(area.Width);
        var gridWidth = ColumnCount * cell;
        var totalWidth = RowAxisWidth + rowLabelWidth + LabelGap + gridWidth + ColorBarSpace;
        var left = area.Left + Math.Max(0, (area.Width - totalWidth) / 2);
        var gridLeft = left + RowAxisWidth + rowLabelWidth + LabelGap;
        var columnLabelHeight = ColumnLabelHeight();
        var gridTop = area.Top + TitleHeight + ColumnAxisHeight + columnLabelHeight + LabelGap;

        if (heatmap.ColumnAxisLabel is not null)
        {
            graphics.DrawString(wrapper.Truncate(heatmap.ColumnAxisLabel, theme.ChartAxisLabel, Math.Max(gridWidth, 60)), theme.ChartAxisLabel, ink,
                gridLeft + gridWidth / 2, area.Top + TitleHeight, XStringFormats.TopCenter);
        }

        DrawColumnLabels(graphics, gridLeft, gridTop - LabelGap, cell, columnLabelHeight);
        DrawRowLabels(graphics, gridLeft - LabelGap, gridTop, cell, rowLabelWidth);
        if (heatmap.RowAxisLabel is not null)
        {
            var anchor = new XPoint(left, gridTop + RowCount * cell / 2);
            var state = graphics.Save();
            graphics.RotateAtTransform(-90, anchor);
            graphics.DrawString(wrapper.Truncate(heatmap.RowAxisLabel, theme.ChartAxisLabel, Math.Max(RowCount * cell, 60)),
                theme.ChartAxisLabel, ink, anchor, XStringFormats.TopCenter);
            graphics.Restore(state);
        }

        DrawCells(graphics, gridLeft, gridTop, cell);
        graphics.DrawRectangle(new XPen(theme.Rule, 0.6), gridLeft, gridTop, gridWidth, RowCount * cell);
        DrawColorBar(graphics, gridLeft + gridWidth + 8, gridTop, RowCount * cell);
    }

    private double RowAxisWidth => heatmap.RowAxisLabel is null ? 0 : AxisTitleHeight + LabelGap;

    private double ColumnAxisHeight => heatmap.ColumnAxisLabel is null ? 0 : AxisTitleHeight;

    private double ColorBarSpace => 8 + ColorBarWidth + 4 + ColorBarLabelWidth() + ColorBarTitleWidth;

    private double ColorBarTitleWidth => hasValues && heatmap.ColorBarLabel is not null ? LabelGap + AxisTitleHeight : 0;

    private double Chrome => TitleHeight + ColumnAxisHeight + ColumnLabelHeight() + LabelGap + 2;

    private double CellSize(double width, double maxHeight)
    {
        var available = width - RowAxisWidth - RowLabelWidth(width) - LabelGap - ColorBarSpace;
        var byWidth = available / ColumnCount;
        var byHeight = (maxHeight - Chrome) / RowCount;
        return Math.Clamp(Math.Min(byWidth, byHeight), MinCell, MaxCell);
    }

    private double RowLabelWidth(double width) =>
        Math.Min(heatmap.RowLabels.Max(label => wrapper.Measure(label, theme.Chart.Regular)), width * 0.3);

    private double ColumnLabelHeight() =>
        Math.Min(heatmap.ColumnLabels.Max(label => wrapper.Measure(label, theme.Chart.Regular)), MaxColumnLabelHeight);

    private double ColorBarLabelWidth() => hasValues
        ? Math.Max(wrapper.Measure(Format(minValue), theme.Chart.Regular), wrapper.Measure(Format(maxValue), theme.Chart.Regular))
        : 0;

    private void DrawColumnLabels(XGraphics graphics, double gridLeft, double bottom, double cell, double height)
    {
        var brush = new XSolidBrush(theme.Ink);
        for (var c = 0; c < ColumnCount; c++)
        {
            var anchor = new XPoint(gridLeft + (c + 0.5) * cell, bottom);
            var state = graphics.Save();
            graphics.RotateAtTransform(-90, anchor);
            graphics.DrawString(wrapper.Truncate(heatmap.ColumnLabels[c], theme.Chart.Regular, height), theme.Chart.Regular, brush, anchor, XStringFormats.CenterLeft);
            graphics.Restore(state);
        }
    }

    private void DrawRowLabels(XGraphics graphics, double right, double gridTop, double cell, double width)
    {
        var brush = new XSolidBrush(theme.Ink);
        for (var r = 0; r < RowCount; r++)
        {
            graphics.DrawString(wrapper.Truncate(heatmap.RowLabels[r], theme.Chart.Regular, width), theme.Chart.Regular, brush,
                right, gridTop + (r + 0.5) * cell, XStringFormats.CenterRight);
        }
    }

    private void DrawCells(XGraphics graphics, double gridLeft, double gridTop, double cell)
    {
        var font = theme.Chart.Regular;
        var missing = new XSolidBrush(XColor.FromArgb(0xE4, 0xE4, 0xE4));
        var darkText = new XSolidBrush(theme.Ink);
        var lightText = new XSolidBrush(XColors.White);
        var separator = new XPen(XColors.White, 0.5);
        for (var r = 0; r < RowCount; r++)
        {
            for (var c = 0; c < ColumnCount; c++)
            {
                var value = heatmap.Values[r][c];
                var box = new XRect(gridLeft + c * cell, gridTop + r * cell, cell, cell);
                var finite = double.IsFinite(value);
                var fraction = finite && maxValue > minValue ? (value - minValue) / (maxValue - minValue) : 0;
                graphics.DrawRectangle(separator, finite ? new XSolidBrush(SequentialColorScale.At(fraction)) : missing, box);
                var text = finite ? Format(value) : "–";
                if (wrapper.Measure(text, font) <= cell - 2)
                {
                    graphics.DrawString(text, font, fraction > SequentialColorScale.DarkThreshold ? lightText : darkText, box, XStringFormats.Center);
                }
            }
        }
    }

    private void DrawColorBar(XGraphics graphics, double left, double top, double height)
    {
        if (!hasValues)
        {
            return;
        }

        const int Steps = 40;
        var step = height / Steps;
        for (var i = 0; i < Steps; i++)
        {
            // Drawn top (maximum) to bottom; overlap by a hair so no white seams show between bands.
            var brush = new XSolidBrush(SequentialColorScale.At(1 - (i + 0.5) / Steps));
            graphics.DrawRectangle(brush, left, top + i * step, ColorBarWidth, step + 0.3);
        }

        graphics.DrawRectangle(new XPen(theme.Rule, 0.5), left, top, ColorBarWidth, height);
        var brushText = new XSolidBrush(theme.Muted);
        graphics.DrawString(Format(maxValue), theme.Chart.Regular, brushText, left + ColorBarWidth + 3, top, XStringFormats.TopLeft);
        graphics.DrawString(Format(minValue), theme.Chart.Regular, brushText, left + ColorBarWidth + 3, top + height, XStringFormats.BottomLeft);
        if (heatmap.ColorBarLabel is not null)
        {
            // Read bottom to top beside the bar, as the row axis title.
            var anchor = new XPoint(left + ColorBarWidth + 4 + ColorBarLabelWidth() + LabelGap + AxisTitleHeight, top + height / 2);
            var state = graphics.Save();
            graphics.RotateAtTransform(-90, anchor);
            graphics.DrawString(wrapper.Truncate(heatmap.ColorBarLabel, theme.ChartAxisLabel, Math.Max(height, 60)), theme.ChartAxisLabel, brushText, anchor, XStringFormats.BottomCenter);
            graphics.Restore(state);
        }
    }

    private string Format(double value) => theme.Labels.Number(value, heatmap.ValueFormat);

    private static void Validate(Heatmap heatmap)
    {
        if (heatmap.Values.Count != heatmap.RowLabels.Count)
        {
            throw new ArgumentException(
                $"Heatmap '{heatmap.Title}': {heatmap.Values.Count} rows of values but {heatmap.RowLabels.Count} row labels; give one label per row.",
                nameof(heatmap));
        }

        for (var r = 0; r < heatmap.Values.Count; r++)
        {
            if (heatmap.Values[r].Count != heatmap.ColumnLabels.Count)
            {
                throw new ArgumentException(
                    $"Heatmap '{heatmap.Title}': row {r} has {heatmap.Values[r].Count} values but there are {heatmap.ColumnLabels.Count} column labels.",
                    nameof(heatmap));
            }
        }
    }
}
