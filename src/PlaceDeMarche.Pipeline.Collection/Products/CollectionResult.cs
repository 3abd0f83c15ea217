namespace PlaceDeMarche.Pipeline.Collection.Products;

/// <summary>Products collected for one query, with how the collection ended and what it cost.</summary>
/// <param name="Products">Kept (on-topic) products in the order the API returned them.</param>
/// <param name="Status">Complete, partial or not collected.</param>
/// <param name="Reason">Why the collection is partial or empty, or why it stopped early (limits); null when complete.</param>
/// <param name="PagesRead">Pages parsed successfully.</param>
/// <param name="DroppedOffTopic">Products the off-topic filter removed.</param>
/// <param name="Requests">Network requests sent (retries included); zero when everything came from the cache.</param>
/// <param name="CacheHits">Pages served from the response cache.</param>
/// <param name="CacheMisses">Pages looked up in the cache and not found.</param>
/// <param name="ReasonCode">The reason as one of <c>CollectionReasonCodes</c>; null when there is none.</param>
/// <param name="HttpStatus">The status behind the reason, if a response had one; 0 otherwise.</param>
/// <param name="RetryAfter">The wait the API asked for, when that is the reason.</param>
public sealed record CollectionResult(
    IReadOnlyList<CollectedProduct> Products,
    CollectionStatus Status,
    string? Reason,
    int PagesRead,
    int DroppedOffTopic,
    int Requests,
    int CacheHits,
    int CacheMisses,
    string? ReasonCode = null,
    int HttpStatus = 0,
    TimeSpan? RetryAfter = null);
