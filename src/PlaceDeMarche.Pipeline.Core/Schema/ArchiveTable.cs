using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>Reads and writes <c>archive.parquet</c>.</summary>
public static class ArchiveTable
{
    public static void Write(string path, ArchiveRecord record) => ParquetArtifact.Write(path,
    [
        new StringColumn("source", [record.Source]),
        new StringColumn("file_name", [record.FileName]),
        new StringColumn("sha256", [record.Sha256]),
        new PrimitiveColumn<long>("bytes", [record.Bytes]),
        new PrimitiveColumn<bool>("is_sample", [record.IsSample]),
        new PrimitiveColumn<int>("files", [record.Files]),
    ]);

    public static ArchiveRecord Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        return new ArchiveRecord(
            table.GetStrings("source")[0]!,
            table.GetStrings("file_name")[0]!,
            table.GetStrings("sha256")[0]!,
            table.GetInt64s("bytes")[0],
            table.GetBooleans("is_sample")[0],
            table.GetInt32s("files")[0]);
    }
}
