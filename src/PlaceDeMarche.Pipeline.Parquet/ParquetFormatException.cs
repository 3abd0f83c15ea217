namespace PlaceDeMarche.Pipeline.Parquet;

/// <summary>
/// Thrown when a Parquet file is malformed or truncated. The message names what was wrong and, where known,
/// the byte offset in the file.
/// </summary>
public sealed class ParquetFormatException : Exception
{
    /// <summary>Creates the exception with a message naming the problem and its location.</summary>
    public ParquetFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the lower-level error that revealed the problem.</summary>
    public ParquetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
