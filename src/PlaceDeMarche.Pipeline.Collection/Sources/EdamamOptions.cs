using PlaceDeMarche.Pipeline.Collection.Http;

namespace PlaceDeMarche.Pipeline.Collection.Sources;

/// <summary>Settings of <see cref="EdamamFoodSource"/>. Credentials are not here: they come from the environment.</summary>
public sealed record EdamamOptions
{
    public Uri BaseUrl { get; init; } = new("https://api.edamam.com/");

    public string ApplicationVersion { get; init; } = "1.0";

    public required string Contact { get; init; }

    /// <summary>The free Edamam plan allows 10 requests per minute.</summary>
    public int RequestsPerMinute { get; init; } = 10;

    public CollectionLimits Limits { get; init; } = new();

    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>Folder of the response cache, or null for none. Edamam's terms limit caching: keep it for reruns only.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>When true, a failed collection (missing credentials included) throws instead of returning a result.</summary>
    public bool Required { get; init; }

    public string UserAgent => $"PlaceDeMarche.Pipeline/{ApplicationVersion} ({Contact})";
}
