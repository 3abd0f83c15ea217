namespace PlaceDeMarche.Pipeline.Collection.Products;

/// <summary>A public API that returns products for a search query.</summary>
public interface IProductSource
{
    /// <summary>Short name used in results and logs ("openfoodfacts", "edamam").</summary>
    string Name { get; }

    /// <summary>
    /// Collects on-topic products for <paramref name="query"/>. Failures become a partial or "not collected" result
    /// with the reason, unless the source's options mark it required, in which case
    /// <see cref="CollectionFailedException"/> is thrown.
    /// </summary>
    Task<CollectionResult> CollectAsync(string query, CancellationToken cancellationToken = default);
}
