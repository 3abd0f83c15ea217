namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>Thumbnails in a grid, each with its own short caption (e.g. sample products per category).</summary>
public sealed record ImageGrid(IReadOnlyList<ImageBlock> Images) : ReportBlock
{
    /// <summary>Thumbnails per row (1 to 8).</summary>
    public int Columns { get; init; } = 4;

    /// <summary>Caption printed below the grid as "Figure n. caption".</summary>
    public string? Caption { get; init; }
}
