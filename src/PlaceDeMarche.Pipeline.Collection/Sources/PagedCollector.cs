using PlaceDeMarche.Pipeline.Collection.Http;
using PlaceDeMarche.Pipeline.Collection.Products;
using PlaceDeMarche.Pipeline.Core.Logging;

namespace PlaceDeMarche.Pipeline.Collection.Sources;

/// <summary>
/// The page loop both sources share: bounded pagination, off-topic filtering, and failures turned into a partial or
/// "not collected" result with the reason (or into <see cref="CollectionFailedException"/> when the source is required).
/// </summary>
internal static class PagedCollector
{
    public static async Task<CollectionResult> CollectAsync(
        string source,
        string query,
        ResilientApiClient client,
        Uri firstPage,
        Func<ReadOnlyMemory<byte>, int, SourcePage> parsePage,
        CollectionLimits limits,
        bool required,
        IPipelineLog? log,
        CancellationToken cancellationToken)
    {
        // The client outlives one collection (its rate limit and circuit must), so count this collection's share only.
        var (requestsBefore, hitsBefore, missesBefore) = (client.Requests, client.CacheHits, client.CacheMisses);
        var products = new List<CollectedProduct>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var dropped = 0;
        var pagesRead = 0;
        var status = CollectionStatus.Complete;
        string? reason = null;
        for (var url = firstPage; url is not null;)
        {
            if (pagesRead == limits.MaxPages)
            {
                reason = $"stopped at the {limits.MaxPages}-page limit";
                break;
            }

            if (!visited.Add(url.AbsoluteUri))
            {
                reason = $"the API links back to a page already read ({client.Redactor.Redact(url)}); stopped";
                break;
            }

            SourcePage page;
            try
            {
                var pageNumber = pagesRead + 1;
                page = await client.GetJsonAsync(url, body => parsePage(body, pageNumber), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is ApiUnavailableException or ApiResponseException)
            {
                var what = exception is ApiUnavailableException ? "API unreachable" : "unusable response";
                reason = pagesRead == 0
                    ? $"{source}: not collected: {what} ({exception.Message})"
                    : $"{source}: partial, {products.Count} products from {pagesRead} pages kept: {what} ({exception.Message})";
                status = pagesRead == 0 ? CollectionStatus.NotCollected : CollectionStatus.Partial;
                if (required)
                {
                    throw new CollectionFailedException(reason + " — the source is marked required.", exception);
                }

                log?.Warning(reason);
                break;
            }

            pagesRead++;
            foreach (var product in page.Products)
            {
                if (!OffTopicFilter.IsOnTopic(product, query))
                {
                    dropped++;
                }
                else if (products.Count < limits.MaxProducts)
                {
                    products.Add(product);
                }
            }

            url = page.Next;
            if (products.Count == limits.MaxProducts && url is not null)
            {
                reason = $"stopped at the {limits.MaxProducts}-product limit";
                break;
            }
        }

        var result = new CollectionResult(
            products, status, reason, pagesRead, dropped,
            client.Requests - requestsBefore, client.CacheHits - hitsBefore, client.CacheMisses - missesBefore);
        log?.Info($"{source} \"{query}\": {products.Count} products kept, {dropped} off-topic dropped, {pagesRead} pages, "
            + $"{result.Requests} requests, cache {result.CacheHits} hits / {result.CacheMisses} misses.");
        return result;
    }
}
