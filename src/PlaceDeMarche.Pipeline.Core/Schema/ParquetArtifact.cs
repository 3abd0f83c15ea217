using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>
/// Artifact tables as standard Parquet files, written atomically (temporary file, then rename). The format itself is
/// Parquet.Net's job (<see cref="ParquetTableWriter"/>, <see cref="ParquetTableReader"/>); this class only adds the
/// atomic write and errors that name the file.
/// </summary>
public static class ParquetArtifact
{
    /// <summary>
    /// Rows per row group. Parquet.Net builds each column chunk in memory as one page, so this bounds that buffer;
    /// every artifact of the study fits in one group.
    /// </summary>
    public const int RowGroupSize = 100_000;

    public static void Write(string path, IReadOnlyList<ParquetColumn> columns) =>
        AtomicFile.Write(path, stream => Write(stream, new ParquetTable(columns)));

    /// <summary>
    /// Writes <paramref name="table"/> to <paramref name="stream"/> (left open). Parquet.Net's API is asynchronous;
    /// stages are synchronous and run without a synchronisation context, so waiting on it here cannot deadlock.
    /// </summary>
    public static void Write(Stream stream, ParquetTable table) =>
        ParquetTableWriter.WriteAsync(stream, table).GetAwaiter().GetResult();

    public static ParquetTable Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return Read(stream);
        }
        catch (Exception error) when (error is not (OperationCanceledException or OutOfMemoryException))
        {
            throw new InvalidDataException(
                $"{path} cannot be read as an artifact table: {error.Message} If the file is damaged, delete it and rerun the stage that writes it.",
                error);
        }
    }

    /// <summary>Reads a whole Parquet file from a seekable <paramref name="stream"/> (left open).</summary>
    public static ParquetTable Read(Stream stream) =>
        ParquetTableReader.ReadAsync(stream).AsTask().GetAwaiter().GetResult();
}
