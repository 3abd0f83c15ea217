using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Blocks;

/// <summary>
/// Renders <see cref="Table"/> and <see cref="KeyValueTable"/>: caption, column widths fitted to the content,
/// wrapped cells, striped rows, and row-by-row pagination that repeats the caption and header on every page.
/// </summary>
internal sealed class TableRenderer
{
    private const double PaddingX = 4.5;
    private const double PaddingY = 2.5;

    private readonly RenderContext context;
    private readonly FontSet fonts;

    public TableRenderer(RenderContext context)
    {
        this.context = context;
        fonts = context.Theme.TableCell;
    }

    public void Render(Table table)
    {
        Validate(table);
        var alignments = Enumerable.Range(0, table.Headers.Count)
            .Select(c => c < table.Alignments.Count ? table.Alignments[c] : ColumnAlignment.Left).ToArray();
        Render(new TableSpec(table.Headers, table.Rows, alignments, table.ColumnWidths, table.HighlightedRow, table.Caption, BoldFirstColumn: false));
    }

    public void Render(KeyValueTable table)
    {
        var rows = table.Entries.Select(entry => (IReadOnlyList<string>)[entry.Key, entry.Value]).ToArray();
        Render(new TableSpec(null, rows, [ColumnAlignment.Left, ColumnAlignment.Left], [], null, table.Caption, BoldFirstColumn: true));
    }

    private void Render(TableSpec spec)
    {
        var composer = context.Composer;
        var captionRuns = CaptionRuns(spec.Caption);
        var captionLines = context.Wrapper.Wrap(captionRuns, context.Theme.Caption, composer.Width);
        var captionHeight = captionLines.Count * context.Theme.Caption.LineHeight + 2;
        var columnCount = spec.Alignments.Count;
        if (columnCount == 0)
        {
            composer.EnsureRoom(captionHeight + fonts.LineHeight);
            DrawCaption(captionLines);
            FlowingText.Draw(context, context.Wrapper.Wrap(context.Theme.Labels.EmptyTable, fonts.Italic, composer.Width), composer.Left, composer.Width,
                fonts.LineHeight, new XSolidBrush(context.Theme.Muted));
            return;
        }

        var widths = ColumnWidths(spec, composer.Width);
        var header = spec.Headers is null ? null : WrapRow(spec.Headers, widths, _ => fonts.Bold);
        var rows = spec.Rows.Select((row, r) => WrapRow(row, widths, c => CellFont(spec, r, c))).ToArray();
        var headerHeight = header is null ? 0 : RowHeight(header);
        var firstRowHeight = rows.Length == 0 ? fonts.LineHeight + 2 * PaddingY : RowHeight(rows[0]);

        composer.EnsureRoom(captionHeight + headerHeight + firstRowHeight);
        DrawCaption(captionLines);
        DrawHeader(header, spec.Alignments, widths);
        if (rows.Length == 0)
        {
            var box = new XRect(composer.Left, composer.Y, composer.Width, firstRowHeight);
            composer.Graphics.DrawString(context.Theme.Labels.NoRows, fonts.Italic, new XSolidBrush(context.Theme.Muted), box, XStringFormats.Center);
            composer.Advance(firstRowHeight);
        }

        for (var r = 0; r < rows.Length; r++)
        {
            var height = RowHeight(rows[r]);
            if (height > composer.Remaining && !composer.IsAtPageTop)
            {
                composer.StartNewPage();
                DrawContinuation(spec.Caption);
                DrawHeader(header, spec.Alignments, widths);
            }

            var fill = r == spec.HighlightedRow ? context.Theme.HighlightFill
                : r % 2 == 1 ? context.Theme.TableStripeFill
                : (XColor?)null;
            DrawRow(rows[r], spec.Alignments, widths, height, fill, context.Theme.Ink);
            if (r < rows.Length - 1)
            {
                composer.Graphics.DrawLine(new XPen(context.Theme.Gridline, 0.4), composer.Left, composer.Y, composer.Left + composer.Width, composer.Y);
            }
        }

        composer.Graphics.DrawLine(new XPen(context.Theme.Accent, 0.8), composer.Left, composer.Y, composer.Left + composer.Width, composer.Y);
    }

    /// <summary>A table without a caption is not numbered: a bare "Tableau 20." tells the reader nothing.</summary>
    private IReadOnlyList<TextRun> CaptionRuns(string? caption) => caption is null
        ? []
        : [new TextRun(context.NextTableLabel() + " ", TextEmphasis.Bold), new TextRun(caption)];

    private XFont CellFont(TableSpec spec, int row, int column) =>
        row == spec.HighlightedRow || (spec.BoldFirstColumn && column == 0) ? fonts.Bold : fonts.Regular;

    private void DrawCaption(IReadOnlyList<WrappedLine> lines)
    {
        var composer = context.Composer;
        var caption = context.Theme.Caption;
        var brush = new XSolidBrush(context.Theme.Ink);
        foreach (var line in lines)
        {
            line.Draw(composer.Graphics, brush, composer.Left, composer.Y, caption.LineHeight);
            composer.Advance(caption.LineHeight);
        }

        composer.Advance(2);
    }

    private void DrawContinuation(string? caption)
    {
        var composer = context.Composer;
        var continued = context.Theme.Labels.Continued;
        var font = context.Theme.Caption.Italic;
        var text = caption is null ? continued : $"{caption} {continued}";
        if (caption is not null && context.Wrapper.Measure(text, font) > composer.Width)
        {
            // The caption's title (before its explanation) names the table well enough on the following pages.
            var title = caption.IndexOfAny([':', '(', ';', ',']) is var cut and > 0 ? caption[..cut].TrimEnd() : caption;
            text = $"{title} {continued}";
        }

        var line = context.Wrapper.Truncate(text, font, composer.Width);
        composer.Graphics.DrawString(line, font, new XSolidBrush(context.Theme.Muted), composer.Left, composer.Y, XStringFormats.TopLeft);
        composer.Advance(context.Theme.Caption.LineHeight + 2);
    }

    private void DrawHeader(IReadOnlyList<WrappedLine>[]? header, IReadOnlyList<ColumnAlignment> alignments, double[] widths)
    {
        if (header is not null)
        {
            DrawRow(header, alignments, widths, RowHeight(header), context.Theme.TableHeaderFill, XColors.White);
        }
        else
        {
            var composer = context.Composer;
            composer.Graphics.DrawLine(new XPen(context.Theme.Accent, 0.8), composer.Left, composer.Y, composer.Left + composer.Width, composer.Y);
        }
    }

    private void DrawRow(IReadOnlyList<WrappedLine>[] cells, IReadOnlyList<ColumnAlignment> alignments, double[] widths, double height, XColor? fill, XColor textColor)
    {
        var composer = context.Composer;
        var graphics = composer.Graphics;
        if (fill is { } color)
        {
            graphics.DrawRectangle(new XSolidBrush(color), composer.Left, composer.Y, composer.Width, height);
        }

        var brush = new XSolidBrush(textColor);
        var x = composer.Left;
        for (var c = 0; c < cells.Length; c++)
        {
            var top = composer.Y + PaddingY;
            var inner = widths[c] - 2 * PaddingX;
            foreach (var line in cells[c])
            {
                var offset = alignments[c] switch
                {
                    ColumnAlignment.Right => inner - line.Width,
                    ColumnAlignment.Center => (inner - line.Width) / 2,
                    _ => 0,
                };
                line.Draw(graphics, brush, x + PaddingX + offset, top, fonts.LineHeight);
                top += fonts.LineHeight;
            }

            x += widths[c];
        }

        composer.Advance(height);
    }

    private IReadOnlyList<WrappedLine>[] WrapRow(IReadOnlyList<string> cells, double[] widths, Func<int, XFont> fontFor) =>
        cells.Select((cell, c) => context.Wrapper.Wrap(cell, fontFor(c), widths[c] - 2 * PaddingX)).ToArray();

    private double RowHeight(IReadOnlyList<WrappedLine>[] cells) => cells.Max(lines => lines.Count) * fonts.LineHeight + 2 * PaddingY;

    /// <summary>
    /// Given relative widths, scales them to the text width. Otherwise each column gets at least its longest word
    /// and the rest of the width is shared in proportion to how much each column's text would need on one line.
    /// </summary>
    private double[] ColumnWidths(TableSpec spec, double totalWidth)
    {
        var count = spec.Alignments.Count;
        if (spec.ColumnWidths.Count > 0)
        {
            var sum = spec.ColumnWidths.Sum();
            return spec.ColumnWidths.Select(weight => weight / sum * totalWidth).ToArray();
        }

        var natural = new double[count];
        var minimum = new double[count];
        void Consider(IReadOnlyList<string> row, Func<int, XFont> fontFor)
        {
            for (var c = 0; c < count; c++)
            {
                var font = fontFor(c);
                natural[c] = Math.Max(natural[c], context.Wrapper.Measure(row[c], font) + 2 * PaddingX);
                foreach (var word in row[c].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    minimum[c] = Math.Max(minimum[c], context.Wrapper.Measure(word, font) + 2 * PaddingX);
                }
            }
        }

        if (spec.Headers is not null)
        {
            Consider(spec.Headers, _ => fonts.Bold);
        }

        for (var r = 0; r < spec.Rows.Count; r++)
        {
            var row = r;
            Consider(spec.Rows[r], c => CellFont(spec, row, c));
        }

        for (var c = 0; c < count; c++)
        {
            natural[c] = Math.Max(natural[c], 2 * PaddingX + 8);
            minimum[c] = Math.Min(Math.Max(minimum[c], 2 * PaddingX + 8), Math.Min(natural[c], totalWidth / count * 2));
        }

        var naturalSum = natural.Sum();
        if (naturalSum <= totalWidth)
        {
            return natural.Select(width => width + (totalWidth - naturalSum) * width / naturalSum).ToArray();
        }

        var minimumSum = minimum.Sum();
        if (minimumSum >= totalWidth)
        {
            return minimum.Select(width => width / minimumSum * totalWidth).ToArray();
        }

        var slack = naturalSum - minimumSum;
        return Enumerable.Range(0, count)
            .Select(c => minimum[c] + (totalWidth - minimumSum) * (natural[c] - minimum[c]) / slack).ToArray();
    }

    private static void Validate(Table table)
    {
        var label = table.Caption is null ? "Table" : $"Table '{table.Caption}'";
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (table.Rows[r].Count != table.Headers.Count)
            {
                throw new ArgumentException(
                    $"{label}: row {r} has {table.Rows[r].Count} cells but there are {table.Headers.Count} headers; give one cell per column.",
                    nameof(table));
            }
        }

        if (table.ColumnWidths.Count > 0 && (table.ColumnWidths.Count != table.Headers.Count || table.ColumnWidths.Any(w => !(w > 0) || !double.IsFinite(w))))
        {
            throw new ArgumentException(
                $"{label}: ColumnWidths must hold {table.Headers.Count} positive numbers (one per column) or be empty.", nameof(table));
        }

        if (table.HighlightedRow is { } highlighted && (uint)highlighted >= (uint)table.Rows.Count)
        {
            throw new ArgumentException($"{label}: HighlightedRow is {highlighted} but the table has {table.Rows.Count} rows.", nameof(table));
        }
    }

    private sealed record TableSpec(
        IReadOnlyList<string>? Headers,
        IReadOnlyList<IReadOnlyList<string>> Rows,
        IReadOnlyList<ColumnAlignment> Alignments,
        IReadOnlyList<double> ColumnWidths,
        int? HighlightedRow,
        string? Caption,
        bool BoldFirstColumn);
}
