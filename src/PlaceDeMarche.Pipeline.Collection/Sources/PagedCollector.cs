using PlaceDeMarche.Pipeline.Collection.Http;
using PlaceDeMarche.Pipeline.Collection.Products;
using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Collection.Sources;

/// <summary>
/// The page loop both sources share: bounded pagination, off-topic filtering, and failures turned into a partial or
/// "not collected" result with the reason and its code (or into <see cref="CollectionFailedException"/> when the
/// source is required). It logs nothing: the caller says the outcome once.
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
        string? code = null;
        ApiFailure? failure = null;
        for (var url = firstPage; url is not null;)
        {
            if (pagesRead == limits.MaxPages)
            {
                (reason, code) = ($"stopped at the {limits.MaxPages}-page limit", CollectionReasonCodes.PageLimit);
                break;
            }

            if (!visited.Add(url.AbsoluteUri))
            {
                (reason, code) = ($"the API links back to a page already read ({client.Redactor.Redact(url)}); stopped", CollectionReasonCodes.LinkLoop);
                break;
            }

            SourcePage page;
            try
            {
                var pageNumber = pagesRead + 1;
                page = await client.GetJsonAsync(url, body => parsePage(body, pageNumber), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (ApiException exception)
            {
                failure = exception.Failure;
                code = failure.Code;
                var what = code is CollectionReasonCodes.RetryAfter or CollectionReasonCodes.TimeBudget
                    ? exception.Message
                    : (exception is ApiUnavailableException ? "API unreachable" : "unusable response") + $" ({exception.Message})";
                reason = pagesRead == 0
                    ? $"{source}: not collected: {what}"
                    : $"{source}: partial, {products.Count} products from {pagesRead} pages kept: {what}";
                status = pagesRead == 0 ? CollectionStatus.NotCollected : CollectionStatus.Partial;
                if (required)
                {
                    throw new CollectionFailedException(reason + " — the source is marked required.", exception);
                }

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
                (reason, code) = ($"stopped at the {limits.MaxProducts}-product limit", CollectionReasonCodes.ProductLimit);
                break;
            }
        }

        return new CollectionResult(
            products, status, reason, pagesRead, dropped,
            client.Requests - requestsBefore, client.CacheHits - hitsBefore, client.CacheMisses - missesBefore,
            code, failure?.HttpStatus ?? 0, failure?.RetryAfter);
    }
}
