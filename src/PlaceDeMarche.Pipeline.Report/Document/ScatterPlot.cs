namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>
/// A 2-D scatter plot coloured by category (e.g. a t-SNE projection coloured by product category). Points whose
/// coordinates are not finite are skipped and counted under the plot.
/// </summary>
/// <param name="Title">Title above the plot.</param>
/// <param name="X">Horizontal coordinates.</param>
/// <param name="Y">Vertical coordinates, same length as <paramref name="X"/>.</param>
/// <param name="Categories">Category index of each point, in [0, CategoryNames.Count); same length as X.</param>
/// <param name="CategoryNames">Legend entries; category i is drawn with colour i (and a new marker shape for
/// every 10 categories).</param>
public sealed record ScatterPlot(
    string Title,
    IReadOnlyList<double> X,
    IReadOnlyList<double> Y,
    IReadOnlyList<int> Categories,
    IReadOnlyList<string> CategoryNames) : ReportBlock
{
    /// <summary>Horizontal axis label.</summary>
    public string? XLabel { get; init; }

    /// <summary>Vertical axis label.</summary>
    public string? YLabel { get; init; }

    /// <summary>Joins each category's points by a line, in the order given (a learning curve per category).</summary>
    public bool ConnectCategories { get; init; }

    /// <summary>Caption printed below the plot as "Figure n. caption".</summary>
    public string? Caption { get; init; }
}
