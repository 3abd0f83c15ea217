using PlaceDeMarche.Pipeline.Collection.Http;

namespace PlaceDeMarche.Pipeline.Collection.Sources;

/// <summary>Settings every API source shares: where, who we are, how fast, how far, what to keep, how to fail.</summary>
public abstract record ApiSourceOptions
{
    protected ApiSourceOptions(Uri defaultBaseUrl) => BaseUrl = defaultBaseUrl;

    /// <summary>API root; tests point it at a loopback server.</summary>
    public Uri BaseUrl { get; init; }

    /// <summary>Our version, sent in the User-Agent (Open Food Facts requires an identifying one).</summary>
    public string ApplicationVersion { get; init; } = "1.0";

    /// <summary>How the API provider can reach us (e-mail or URL), sent in the User-Agent.</summary>
    public required string Contact { get; init; }

    /// <summary>10: the Open Food Facts search limit, and a conservative pace for the free Edamam plan.</summary>
    public int RequestsPerMinute { get; init; } = 10;

    public CollectionLimits Limits { get; init; } = new();

    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>Folder of the response cache, or null for none.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>When true, a failed collection throws instead of returning a partial or "not collected" result.</summary>
    public bool Required { get; init; }

    /// <summary>Bound on the whole collection's time, shared with the image downloads; null = none.</summary>
    public TimeBudget? TimeBudget { get; init; }

    public string UserAgent => $"PlaceDeMarche.Pipeline/{ApplicationVersion} ({Contact})";

    internal ResilientApiClient CreateClient(HttpClient http, SecretRedactor redactor, IClock clock)
    {
        Limits.Validate();
        return new ResilientApiClient(
            http,
            Resilience,
            redactor,
            clock,
            new RateLimiter(RequestsPerMinute, TimeSpan.FromMinutes(1), clock),
            CacheDirectory is null ? null : new ResponseCache(CacheDirectory),
            UserAgent,
            TimeBudget);
    }
}
