namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>How one collection ended and what it cost: <c>requests.parquet</c>, one row.</summary>
/// <param name="Status">"complete", "partial" or "not collected".</param>
/// <param name="Reason">Why it is partial or empty, or why it stopped early; empty when complete.</param>
/// <param name="Requests">Network requests sent, retries included (zero when served from the cache).</param>
/// <param name="ImagesDownloaded">Images downloaded and decoded successfully.</param>
/// <param name="ImagesFailed">Images announced by the API that could not be downloaded or decoded.</param>
public sealed record CollectionStatisticsRecord(
    string Provider,
    string Query,
    string Status,
    string Reason,
    int Products,
    int Pages,
    int DroppedOffTopic,
    int Requests,
    int CacheHits,
    int CacheMisses,
    int ImagesDownloaded,
    int ImagesFailed);
