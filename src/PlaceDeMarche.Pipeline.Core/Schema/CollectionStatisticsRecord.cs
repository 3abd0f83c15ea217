namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>How one collection ended and what it cost: <c>requests.parquet</c>, one row.</summary>
/// <param name="Status">"complete", "partial" or "not collected".</param>
/// <param name="Reason">Why it is partial or empty, or why it stopped early, in technical English; empty when complete.</param>
/// <param name="ReasonCode">The same reason as one of <see cref="CollectionReasonCodes"/>; empty when there is none.</param>
/// <param name="Requests">Network requests sent, retries included (zero when served from the cache).</param>
/// <param name="ImagesDownloaded">Images downloaded and decoded successfully.</param>
/// <param name="ImagesFailed">Images announced by the API that could not be downloaded or decoded.</param>
/// <param name="HttpStatus">The status behind <see cref="CollectionReasonCodes.HttpStatus"/> or a Retry-After; 0 otherwise.</param>
/// <param name="RetryAfterSeconds">The wait the API asked for with <see cref="CollectionReasonCodes.RetryAfter"/>; 0 otherwise.</param>
public sealed record CollectionStatisticsRecord(
    string Provider,
    string Query,
    string Status,
    string Reason,
    string ReasonCode,
    int Products,
    int Pages,
    int DroppedOffTopic,
    int Requests,
    int CacheHits,
    int CacheMisses,
    int ImagesDownloaded,
    int ImagesFailed,
    int HttpStatus,
    long RetryAfterSeconds);
