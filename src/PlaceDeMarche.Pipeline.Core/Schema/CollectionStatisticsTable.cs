using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>Reads and writes <c>requests.parquet</c>.</summary>
public static class CollectionStatisticsTable
{
    public static void Write(string path, CollectionStatisticsRecord record) => ParquetArtifact.Write(path,
    [
        new StringColumn("provider", [record.Provider]),
        new StringColumn("query", [record.Query]),
        new StringColumn("status", [record.Status]),
        new StringColumn("reason", [record.Reason]),
        new StringColumn("reason_code", [record.ReasonCode]),
        new PrimitiveColumn<int>("products", [record.Products]),
        new PrimitiveColumn<int>("pages", [record.Pages]),
        new PrimitiveColumn<int>("dropped_off_topic", [record.DroppedOffTopic]),
        new PrimitiveColumn<int>("requests", [record.Requests]),
        new PrimitiveColumn<int>("cache_hits", [record.CacheHits]),
        new PrimitiveColumn<int>("cache_misses", [record.CacheMisses]),
        new PrimitiveColumn<int>("images_downloaded", [record.ImagesDownloaded]),
        new PrimitiveColumn<int>("images_failed", [record.ImagesFailed]),
        new PrimitiveColumn<int>("http_status", [record.HttpStatus]),
        new PrimitiveColumn<long>("retry_after_seconds", [record.RetryAfterSeconds]),
    ]);

    public static CollectionStatisticsRecord Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        return new CollectionStatisticsRecord(
            table.GetStrings("provider")[0]!,
            table.GetStrings("query")[0]!,
            table.GetStrings("status")[0]!,
            table.GetStrings("reason")[0]!,
            table.GetStrings("reason_code")[0]!,
            table.GetInt32s("products")[0],
            table.GetInt32s("pages")[0],
            table.GetInt32s("dropped_off_topic")[0],
            table.GetInt32s("requests")[0],
            table.GetInt32s("cache_hits")[0],
            table.GetInt32s("cache_misses")[0],
            table.GetInt32s("images_downloaded")[0],
            table.GetInt32s("images_failed")[0],
            table.GetInt32s("http_status")[0],
            table.GetInt64s("retry_after_seconds")[0]);
    }
}
