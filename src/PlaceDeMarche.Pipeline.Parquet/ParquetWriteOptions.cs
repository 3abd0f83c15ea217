namespace PlaceDeMarche.Pipeline.Parquet;

/// <summary>Options of <see cref="ParquetWriter"/>.</summary>
public sealed record ParquetWriteOptions
{
    /// <summary>Defaults: Snappy, 100,000 rows per row group, 1 MiB pages.</summary>
    public static ParquetWriteOptions Default { get; } = new();

    /// <summary>Page compression codec.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>Maximum number of rows per row group (must be positive).</summary>
    public int RowGroupSize { get; init; } = 100_000;

    /// <summary>
    /// Approximate uncompressed size, in bytes, after which a data page is closed. Pages always end on a row
    /// boundary, so a single large row (e.g. one long vector) may exceed it.
    /// </summary>
    public int DataPageSize { get; init; } = 1 << 20;

    internal void Validate()
    {
        if (RowGroupSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RowGroupSize), RowGroupSize, "RowGroupSize must be a positive number of rows.");
        }

        if (DataPageSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DataPageSize), DataPageSize, "DataPageSize must be a positive number of bytes.");
        }

        if (!Enum.IsDefined(Compression))
        {
            throw new ArgumentOutOfRangeException(nameof(Compression), Compression, "Unknown compression.");
        }
    }
}
