namespace PlaceDeMarche.Pipeline.Parquet;

/// <summary>What a Parquet footer says about a file, read without touching the data pages.</summary>
public sealed record ParquetFileInfo(
    IReadOnlyList<ParquetColumnInfo> Columns,
    long RowCount,
    int RowGroupCount,
    string? CreatedBy,
    IReadOnlyDictionary<string, string> Metadata);
