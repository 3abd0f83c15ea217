using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Parquet;
using PlaceDeMarche.Pipeline.Parquet.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>Artifact tables as standard Parquet files, written atomically (temporary file, then rename).</summary>
public static class ParquetArtifact
{
    public static void Write(string path, IReadOnlyList<ParquetColumn> columns) =>
        AtomicFile.Write(path, stream => ParquetWriter.Write(stream, new ParquetTable(columns)));

    public static ParquetTable Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return ParquetReader.Read(stream);
    }
}
