using System.Text;
using PlaceDeMarche.Pipeline.Collection.Http;
using PlaceDeMarche.Pipeline.Collection.Products;
using PlaceDeMarche.Pipeline.Collection.Sources;
using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

public sealed class OpenFoodFactsSourceTests : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly FakeClock _clock = new();
    private readonly string _cacheDirectory = Path.Combine(Path.GetTempPath(), "pdm-collect-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _http.Dispose();
        if (Directory.Exists(_cacheDirectory))
        {
            Directory.Delete(_cacheDirectory, recursive: true);
        }
    }

    private OpenFoodFactsSource Source(Uri baseUrl, ResilienceOptions? resilience = null, string? cache = null,
        bool required = false, CollectionLimits? limits = null) => new(
        new OpenFoodFactsOptions
        {
            BaseUrl = baseUrl,
            Contact = "research@example.org",
            ApplicationVersion = "0.3",
            PageSize = 2,
            Resilience = resilience ?? new ResilienceOptions { BackoffBase = TimeSpan.FromSeconds(1) },
            CacheDirectory = cache,
            Required = required,
            Limits = limits ?? new CollectionLimits(),
        },
        _http,
        _clock);

    private static FakeResponse PagedHandler(FakeRequest request, int index) =>
        FakeResponse.Json(request.Query("page") == "2" ? ApiFixtures.OpenFoodFactsPage2 : ApiFixtures.OpenFoodFactsPage1);

    [Fact]
    public async Task Reads_every_page_maps_fields_sends_user_agent_and_drops_off_topic_products()
    {
        using var server = new FakeApiServer(PagedHandler);

        var result = await Source(server.BaseUrl).CollectAsync("champagne");

        Assert.Equal(CollectionStatus.Complete, result.Status);
        Assert.Null(result.Reason);
        Assert.Equal(2, result.PagesRead);
        Assert.Equal(2, result.Requests);
        // Green lentils (no champagne anywhere but the search index) and "lentilles rosées de Champagne" are dropped.
        Assert.Equal(2, result.DroppedOffTopic);
        Assert.Equal(["3113934004147", "3114080034057"], result.Products.Select(product => product.FoodId));
        var first = result.Products[0];
        Assert.Equal("Canard Duchêne", first.Label);
        Assert.Equal("en:beverages, en:alcoholic-beverages, en:wines, en:sparkling-wines, en:champagnes", first.Category);
        Assert.Equal("Pinots et de Chardonnay", first.FoodContentsLabel);
        Assert.Equal("https://images.openfoodfacts.org/images/products/311/393/400/4147/front_fr.4.400.jpg", first.Image!.AbsoluteUri);
        Assert.Null(result.Products[1].Image);
        Assert.All(server.UserAgents, agent => Assert.Equal("PlaceDeMarche.Pipeline/0.3 (research@example.org)", agent));
        Assert.All(server.RequestUrls, url => Assert.StartsWith("/cgi/search.pl?search_terms=champagne&", url));
        Assert.Contains(server.RequestUrls, url => url.Contains("&page=2&page_size=2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Searches_beyond_the_rate_limit_wait_for_the_window()
    {
        using var server = new FakeApiServer(PagedHandler);
        var source = new OpenFoodFactsSource(
            new OpenFoodFactsOptions { BaseUrl = server.BaseUrl, Contact = "c", PageSize = 2, RequestsPerMinute = 1 }, _http, _clock);

        var result = await source.CollectAsync("champagne");

        Assert.Equal(2, result.PagesRead);
        Assert.Equal([TimeSpan.FromMinutes(1)], _clock.Delays); // page 2 waited a full minute after page 1
    }

    [Fact]
    public async Task Page_limit_bounds_the_pagination_and_says_so()
    {
        using var server = new FakeApiServer(PagedHandler);

        var result = await Source(server.BaseUrl, limits: new CollectionLimits { MaxPages = 1 }).CollectAsync("champagne");

        Assert.Equal(1, server.RequestCount);
        Assert.Equal("stopped at the 1-page limit", result.Reason);
        Assert.Single(result.Products);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_announced_delay()
    {
        using var server = new FakeApiServer((_, index) => index == 0
            ? new FakeResponse(429, "slow down"u8.ToArray(), "text/plain") { Headers = [("Retry-After", "7")] }
            : FakeResponse.Json(ApiFixtures.OpenFoodFactsPage2.Replace("\"page\": 2", "\"page\": 1")));

        var result = await Source(server.BaseUrl, limits: new CollectionLimits { MaxPages = 1 }).CollectAsync("champagne");

        Assert.Equal(2, server.RequestCount);
        Assert.Equal(2, result.Requests);
        Assert.Single(result.Products);
        Assert.Contains(TimeSpan.FromSeconds(7), _clock.Delays);
    }

    [Fact]
    public async Task Server_errors_open_the_circuit_and_the_result_says_not_collected()
    {
        using var server = new FakeApiServer((_, _) => new FakeResponse(500, "boom"u8.ToArray(), "text/plain"));
        var resilience = new ResilienceOptions { RetryCount = 10, CircuitBreakerThreshold = 3, BackoffBase = TimeSpan.FromSeconds(1) };

        var result = await Source(server.BaseUrl, resilience).CollectAsync("champagne");

        Assert.Equal(CollectionStatus.NotCollected, result.Status);
        Assert.Empty(result.Products);
        Assert.Equal(3, server.RequestCount); // the circuit stopped the 7 retries left
        Assert.StartsWith("openfoodfacts: not collected: API unreachable (circuit open after 3 consecutive failures", result.Reason);
        // Exponential backoff with at most 50 % jitter: 1-1.5 s, then 2-3 s.
        var delays = _clock.Delays.ToArray();
        Assert.Equal(2, delays.Length);
        Assert.InRange(delays[0].TotalSeconds, 1, 1.5);
        Assert.InRange(delays[1].TotalSeconds, 2, 3);
    }

    [Fact]
    public async Task Jitter_is_reproducible_for_a_seed()
    {
        async Task<TimeSpan[]> DelaysAsync()
        {
            var clock = new FakeClock();
            using var server = new FakeApiServer((_, _) => new FakeResponse(503, [], "text/plain"));
            var source = new OpenFoodFactsSource(
                new OpenFoodFactsOptions
                {
                    BaseUrl = server.BaseUrl, Contact = "c",
                    Resilience = new ResilienceOptions { RetryCount = 3, JitterSeed = 7 },
                },
                _http, clock);
            await source.CollectAsync("champagne");
            return clock.Delays.ToArray();
        }

        var first = await DelaysAsync();
        Assert.Equal(3, first.Length);
        Assert.Equal(first, await DelaysAsync());
    }

    [Fact]
    public async Task A_silent_server_times_out()
    {
        using var server = new FakeApiServer((_, _) => FakeResponse.Json(ApiFixtures.OpenFoodFactsPage1) with { Delay = TimeSpan.FromSeconds(3) });
        var resilience = new ResilienceOptions { RetryCount = 0, AttemptTimeout = TimeSpan.FromMilliseconds(200) };

        var result = await Source(server.BaseUrl, resilience).CollectAsync("champagne");

        Assert.Equal(CollectionStatus.NotCollected, result.Status);
        Assert.Contains("no complete answer within 0.2 s", result.Reason);
    }

    [Fact]
    public async Task Garbage_body_is_rejected_with_its_position()
    {
        // Line 2 is "  nope": the 4th byte, 'o', is where the text stops being the literal "null" (0-based line 1,
        // byte 3 in System.Text.Json's terms, printed 1-based).
        using var server = new FakeApiServer((_, _) => new FakeResponse(200, "{\"products\": [\n  nope\n]}"u8.ToArray()));

        var result = await Source(server.BaseUrl).CollectAsync("champagne");

        Assert.Equal(CollectionStatus.NotCollected, result.Status);
        Assert.Contains("not collected: unusable response (malformed JSON", result.Reason);
        Assert.Contains("at line 2, byte 4 of that line", result.Reason);
    }

    [Fact]
    public async Task Later_page_failure_keeps_the_products_already_read()
    {
        using var server = new FakeApiServer((_, index) => index == 0
            ? FakeResponse.Json(ApiFixtures.OpenFoodFactsPage1)
            : new FakeResponse(200, "<html>maintenance</html>"u8.ToArray(), "text/html"));

        var result = await Source(server.BaseUrl).CollectAsync("champagne");

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Single(result.Products);
        Assert.StartsWith("openfoodfacts: partial, 1 products from 1 pages kept: unusable response (", result.Reason);
        Assert.Contains("is 'text/html', not JSON", result.Reason);
        Assert.Equal(CollectionReasonCodes.ContentType, result.ReasonCode);
    }

    [Fact]
    public async Task Huge_body_is_refused()
    {
        var huge = "{\"products\": [], \"padding\": \"" + new string('x', 5000) + "\"}";
        using var server = new FakeApiServer((_, _) => FakeResponse.Json(huge));

        var result = await Source(server.BaseUrl, new ResilienceOptions { MaxBodyBytes = 1000 }).CollectAsync("champagne");

        Assert.Equal(CollectionStatus.NotCollected, result.Status);
        Assert.Contains($"announces {Encoding.UTF8.GetByteCount(huge)} bytes, over the 1000-byte limit", result.Reason);
    }

    [Fact]
    public async Task Rerun_is_served_from_the_cache_with_zero_requests()
    {
        using var server = new FakeApiServer(PagedHandler);

        var first = await Source(server.BaseUrl, cache: _cacheDirectory).CollectAsync("champagne");
        var second = await Source(server.BaseUrl, cache: _cacheDirectory).CollectAsync("champagne");

        Assert.Equal((2, 0, 2), (first.Requests, first.CacheHits, first.CacheMisses));
        Assert.Equal((0, 2, 0), (second.Requests, second.CacheHits, second.CacheMisses));
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(first.Products, second.Products);
        Assert.Equal(2, Directory.GetFiles(_cacheDirectory, "*.json").Length);
    }

    [Fact]
    public async Task Unreachable_api_without_cache_is_a_result_unless_required()
    {
        var closed = new Uri($"http://127.0.0.1:{FakeApiServer.FreePort()}/");
        var resilience = new ResilienceOptions { RetryCount = 1 };

        var result = await Source(closed, resilience).CollectAsync("champagne");
        var failure = await Assert.ThrowsAsync<CollectionFailedException>(
            () => Source(closed, resilience, required: true).CollectAsync("champagne"));

        Assert.Equal(CollectionStatus.NotCollected, result.Status);
        Assert.StartsWith("openfoodfacts: not collected: API unreachable (network error:", result.Reason);
        Assert.Contains("gave up after 2 attempts", result.Reason);
        Assert.EndsWith("the source is marked required.", failure.Message);
    }
}
