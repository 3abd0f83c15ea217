using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>Reads and writes <c>image/index.parquet</c> (one row per product, product order).</summary>
public static class ImageIndexTable
{
    public static void Write(string path, IReadOnlyList<ImageIndexRow> rows) => ParquetArtifact.Write(path,
    [
        new StringColumn("id", rows.Select(r => r.Id).ToArray()),
        new StringColumn("category", rows.Select(r => r.Category).ToArray()),
        new StringColumn("source_sha256", rows.Select(r => r.SourceSha256).ToArray()),
        new StringColumn("status", rows.Select(r => r.Status).ToArray()),
        new StringColumn("reason", rows.Select(r => r.Reason).ToArray()),
        new PrimitiveColumn<int>("width", rows.Select(r => r.Width).ToArray()),
        new PrimitiveColumn<int>("height", rows.Select(r => r.Height).ToArray()),
        new StringColumn("cache_key", rows.Select(r => r.CacheKey).ToArray()),
        new PrimitiveColumn<long>("offset", rows.Select(r => r.Offset).ToArray()),
        new PrimitiveColumn<long>("length", rows.Select(r => r.Length).ToArray()),
    ]);

    public static IReadOnlyList<ImageIndexRow> Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        var ids = table.GetStrings("id");
        var categories = table.GetStrings("category");
        var hashes = table.GetStrings("source_sha256");
        var statuses = table.GetStrings("status");
        var reasons = table.GetStrings("reason");
        var widths = table.GetInt32s("width");
        var heights = table.GetInt32s("height");
        var keys = table.GetStrings("cache_key");
        var offsets = table.GetInt64s("offset");
        var lengths = table.GetInt64s("length");
        return Enumerable.Range(0, ids.Length)
            .Select(i => new ImageIndexRow(ids[i]!, categories[i]!, hashes[i]!, statuses[i]!, reasons[i]!, widths[i], heights[i], keys[i]!, offsets[i], lengths[i]))
            .ToArray();
    }
}
