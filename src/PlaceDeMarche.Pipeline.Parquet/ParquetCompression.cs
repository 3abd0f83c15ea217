namespace PlaceDeMarche.Pipeline.Parquet;

/// <summary>Page compression used when writing.</summary>
public enum ParquetCompression
{
    /// <summary>No compression.</summary>
    Uncompressed,

    /// <summary>Snappy (raw block format), the most common Parquet codec: fast, modest ratio.</summary>
    Snappy,

    /// <summary>GZIP (deflate): slower, smaller files.</summary>
    Gzip,
}
