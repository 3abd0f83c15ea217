namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>
/// A table of strings with a header row. Cells wrap; a table longer than the page continues on the next page
/// with its header repeated. Every row must have exactly one cell per header.
/// </summary>
public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock
{
    /// <summary>Caption printed above the table as "Table n. caption".</summary>
    public string? Caption { get; init; }

    /// <summary>Alignment per column; missing entries mean <see cref="ColumnAlignment.Left"/>.</summary>
    public IReadOnlyList<ColumnAlignment> Alignments { get; init; } = [];

    /// <summary>
    /// Relative column widths (any positive unit; they are scaled to the text width). When empty, widths follow
    /// the content.
    /// </summary>
    public IReadOnlyList<double> ColumnWidths { get; init; } = [];

    /// <summary>Zero-based index of a row to highlight (e.g. the best model), or null.</summary>
    public int? HighlightedRow { get; init; }
}
