namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>
/// Horizontal bars, one per label, with the value printed at the end of each bar. Negative values extend left of
/// zero; non-finite values are shown as "n/a" without a bar.
/// </summary>
public sealed record BarChart(string Title, IReadOnlyList<string> Labels, IReadOnlyList<double> Values) : ReportBlock
{
    /// <summary>Label of the value axis.</summary>
    public string? ValueLabel { get; init; }

    /// <summary>.NET format string for the printed values (invariant culture).</summary>
    public string ValueFormat { get; init; } = "0.###";

    /// <summary>Zero-based index of a bar drawn in the accent colour (e.g. the chosen model), or null.</summary>
    public int? HighlightedBar { get; init; }

    /// <summary>Caption printed below the chart as "Figure n. caption".</summary>
    public string? Caption { get; init; }
}
