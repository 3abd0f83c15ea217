namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>
/// Several scatter plots side by side, <see cref="Columns"/> per row. Plots with identical category names share
/// one legend below the grid; if the names differ between plots, each plot gets its own legend.
/// </summary>
public sealed record PlotGrid(IReadOnlyList<ScatterPlot> Plots) : ReportBlock
{
    /// <summary>Plots per row (1 to 4).</summary>
    public int Columns { get; init; } = 2;

    /// <summary>Caption printed below the grid as "Figure n. caption".</summary>
    public string? Caption { get; init; }
}
