namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>
/// A matrix of numbers shown as coloured cells with the value printed in each (e.g. a confusion matrix with true
/// categories as rows and predicted ones as columns). Non-finite values are drawn as grey "–" cells.
/// </summary>
/// <param name="Title">Title above the matrix.</param>
/// <param name="RowLabels">One label per row.</param>
/// <param name="ColumnLabels">One label per column.</param>
/// <param name="Values">Rows of values; row i has one value per column.</param>
public sealed record Heatmap(
    string Title,
    IReadOnlyList<string> RowLabels,
    IReadOnlyList<string> ColumnLabels,
    IReadOnlyList<IReadOnlyList<double>> Values) : ReportBlock
{
    /// <summary>Label of the row axis (e.g. "True category").</summary>
    public string? RowAxisLabel { get; init; }

    /// <summary>Label of the column axis (e.g. "Predicted category").</summary>
    public string? ColumnAxisLabel { get; init; }

    /// <summary>What the colours measure, printed beside the colour bar (e.g. "nombre de produits").</summary>
    public string? ColorBarLabel { get; init; }

    /// <summary>.NET format string for the cell values (invariant culture).</summary>
    public string ValueFormat { get; init; } = "0.##";

    /// <summary>Caption printed below the matrix as "Figure n. caption".</summary>
    public string? Caption { get; init; }
}
