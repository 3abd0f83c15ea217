using PlaceDeMarche.Pipeline.Collection.Http;

namespace PlaceDeMarche.Pipeline.Collection.Sources;

/// <summary>Settings of <see cref="OpenFoodFactsSource"/>.</summary>
public sealed record OpenFoodFactsOptions
{
    public Uri BaseUrl { get; init; } = new("https://world.openfoodfacts.org/");

    /// <summary>Our version, sent in the User-Agent as Open Food Facts requires of API clients.</summary>
    public string ApplicationVersion { get; init; } = "1.0";

    /// <summary>How Open Food Facts can reach us (e-mail or URL), sent in the User-Agent.</summary>
    public required string Contact { get; init; }

    public int PageSize { get; init; } = 50;

    /// <summary>Open Food Facts allows 10 search requests per minute.</summary>
    public int SearchesPerMinute { get; init; } = 10;

    public CollectionLimits Limits { get; init; } = new();

    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>Folder of the response cache, or null for none.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>When true, a failed collection throws instead of returning a partial or "not collected" result.</summary>
    public bool Required { get; init; }

    public string UserAgent => $"PlaceDeMarche.Pipeline/{ApplicationVersion} ({Contact})";
}
