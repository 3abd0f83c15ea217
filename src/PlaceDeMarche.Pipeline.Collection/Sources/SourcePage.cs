using PlaceDeMarche.Pipeline.Collection.Products;

namespace PlaceDeMarche.Pipeline.Collection.Sources;

/// <summary>One parsed page of results and the URL of the next page, if the API announces one.</summary>
public sealed record SourcePage(IReadOnlyList<CollectedProduct> Products, Uri? Next);
