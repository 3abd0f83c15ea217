namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>A two-column list of labelled values (e.g. run parameters), keys in bold, no header row.</summary>
public sealed record KeyValueTable(IReadOnlyList<KeyValuePair<string, string>> Entries) : ReportBlock
{
    /// <summary>Caption printed above the table as "Table n. caption".</summary>
    public string? Caption { get; init; }
}
