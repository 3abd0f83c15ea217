using PlaceDeMarche.Pipeline.Collection.Http;
using PlaceDeMarche.Pipeline.Collection.Products;
using PlaceDeMarche.Pipeline.Collection.Sources;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

public sealed class EdamamFoodSourceTests : IDisposable
{
    private const string AppId = "a1b2c3d4";
    private const string AppKey = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private readonly HttpClient _http = new();
    private readonly FakeClock _clock = new();
    private readonly string _cacheDirectory = Path.Combine(Path.GetTempPath(), "pdm-edamam-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _http.Dispose();
        if (Directory.Exists(_cacheDirectory))
        {
            Directory.Delete(_cacheDirectory, recursive: true);
        }
    }

    private static string? Environment(string name) => name switch
    {
        EdamamCredentials.AppIdVariable => AppId,
        EdamamCredentials.AppKeyVariable => AppKey,
        _ => null,
    };

    private EdamamFoodSource Source(Uri baseUrl, bool required = false, Func<string, string?>? environment = null) => new(
        new EdamamOptions
        {
            BaseUrl = baseUrl,
            Contact = "research@example.org",
            Resilience = new ResilienceOptions { RetryCount = 2 },
            CacheDirectory = _cacheDirectory,
            Required = required,
        },
        _http,
        _clock,
        environment ?? Environment);

    [Fact]
    public async Task Follows_the_next_link_with_our_credentials_and_maps_the_foods()
    {
        FakeApiServer? server = null;
        server = new FakeApiServer((request, _) => request.Query("session") == "40"
            ? FakeResponse.Json(ApiFixtures.EdamamLastPage)
            : FakeResponse.Json(ApiFixtures.EdamamPage(
                server!.BaseUrl + "api/food-database/v2/parser?session=40&app_id=theirs&app_key=theirs&ingr=champagne")));
        using (server)
        {
            var result = await Source(server.BaseUrl).CollectAsync("champagne");

            Assert.Equal(CollectionStatus.Complete, result.Status);
            Assert.Equal(2, result.PagesRead);
            Assert.Equal(
                ["food_a656mk2a5dmqb2adiamu6beihduu", "food_alpl44taoyv11ra0lic1qa8xculi", "food_byap67hab6evc3a0f9w1oag3s0qf"],
                result.Products.Select(product => product.FoodId));
            Assert.Equal("Champagne Buttercream", result.Products[1].Label);
            Assert.Equal("Generic meals", result.Products[1].Category);
            Assert.Equal("sugar; butter; shortening; vanilla; champagne; milk", result.Products[1].FoodContentsLabel);
            Assert.Equal("", result.Products[0].FoodContentsLabel);
            Assert.NotNull(result.Products[0].Image);
            var urls = server.RequestUrls.ToArray();
            Assert.Equal($"/api/food-database/v2/parser?app_id={AppId}&app_key={AppKey}&ingr=champagne", urls[0]);
            Assert.Equal($"/api/food-database/v2/parser?app_id={AppId}&app_key={AppKey}&session=40&ingr=champagne", urls[1]);
        }
    }

    [Fact]
    public async Task Credentials_never_appear_in_results_logs_exceptions_or_cache()
    {
        using var server = new FakeApiServer((_, _) => new FakeResponse(500, "internal error"u8.ToArray(), "text/plain"));

        var result = await Source(server.BaseUrl).CollectAsync("champagne");
        var failure = await Assert.ThrowsAsync<CollectionFailedException>(
            () => Source(server.BaseUrl, required: true).CollectAsync("champagne"));

        Assert.Contains(server.RequestUrls, url => url.Contains(AppKey, StringComparison.Ordinal)); // it was sent...
        string[] said = [result.Reason!, failure.ToString()];
        Assert.All(said, line => Assert.Contains("HTTP 500 Internal Server Error from " + server.BaseUrl.GetLeftPart(UriPartial.Authority), line));
        Assert.All(said, line => Assert.DoesNotContain(AppKey, line));       // ...but never said
        Assert.All(said, line => Assert.DoesNotContain("app_id=" + AppId, line));
    }

    [Fact]
    public async Task Cache_files_are_keyed_without_the_credentials()
    {
        using var server = new FakeApiServer((_, _) => FakeResponse.Json(ApiFixtures.EdamamPage("")));

        await Source(server.BaseUrl).CollectAsync("champagne");
        // Another key (rotated credentials) still hits the same cache entry.
        var rerun = await Source(server.BaseUrl, environment: name => name == EdamamCredentials.AppIdVariable ? "other" : "ffff")
            .CollectAsync("champagne");

        Assert.Equal(1, server.RequestCount);
        Assert.Equal((0, 1), (rerun.Requests, rerun.CacheHits));
        var file = Assert.Single(Directory.GetFiles(_cacheDirectory));
        Assert.DoesNotContain(AppKey, File.ReadAllText(file));
    }

    [Fact]
    public async Task Next_link_to_another_host_is_not_followed()
    {
        using var server = new FakeApiServer((_, _) => FakeResponse.Json(
            ApiFixtures.EdamamPage("https://collector.example.net/steal?app_key=x")));

        var result = await Source(server.BaseUrl).CollectAsync("champagne");

        Assert.Equal(CollectionStatus.NotCollected, result.Status);
        Assert.Contains("not followed, since the request would carry the Edamam key", result.Reason);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Missing_credentials_is_a_clear_result_or_fatal_when_required()
    {
        var result = await Source(new Uri("http://127.0.0.1:9/"), environment: _ => null).CollectAsync("champagne");
        var failure = await Assert.ThrowsAsync<CollectionFailedException>(
            () => Source(new Uri("http://127.0.0.1:9/"), required: true, environment: _ => "  ").CollectAsync("champagne"));

        Assert.Equal(CollectionStatus.NotCollected, result.Status);
        Assert.Equal("edamam: not collected: credentials missing (set EDAMAM_APP_ID and EDAMAM_APP_KEY in the environment)", result.Reason);
        Assert.Contains("credentials missing", failure.Message);
    }
}
