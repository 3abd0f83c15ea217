using PlaceDeMarche.Pipeline.Collection.Products;
using PlaceDeMarche.Pipeline.Collection.Stages;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

/// <summary>The Collect stage end to end against a loopback server: artifacts, statistics, metrics and every failure mode.</summary>
public sealed class CollectStageTests : IDisposable
{
    /// <summary>A 4×3 RGB PNG written by hand with Python's zlib (filter 0 rows), decodable by our PNG decoder.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAKklEQVR4nA3HMQEAMAzDMAMriMApnIAoCMPa9AlwcPEQ4sSNl586devVByI2EVnAbfZxAAAAAElFTkSuQmCC");

    private readonly FakeClock _clock = new();
    private readonly CollectStageHarness _harness;

    public CollectStageTests() => _harness = new CollectStageHarness(_clock);

    public void Dispose() => _harness.Dispose();

    /// <summary>Open Food Facts pages whose image URLs point at the fake server; images are PNGs.</summary>
    private static FakeResponse OpenFoodFacts(FakeRequest request, Uri baseUrl)
    {
        if (request.Url.AbsolutePath.StartsWith("/images/", StringComparison.Ordinal))
        {
            return new FakeResponse(200, Png, "image/png");
        }

        var page = request.Query("page") == "2" ? ApiFixtures.OpenFoodFactsPage2 : ApiFixtures.OpenFoodFactsPage1;
        return FakeResponse.Json(page.Replace("https://images.openfoodfacts.org/", baseUrl.AbsoluteUri, StringComparison.Ordinal));
    }

    private (CollectStage Stage, StageContext Context) Stage(string baseUrl, string extra = "") => _harness.Stage(baseUrl, extra);

    private static void Run(CollectStage stage, StageContext context) => CollectStageHarness.Run(stage, context);

    private CollectionStatisticsRecord Statistics() => _harness.Statistics();

    private IReadOnlyList<CollectedProductRow> Collected() => _harness.Collected();

    [Fact]
    public void Collects_every_page_drops_off_topic_products_and_keeps_decoded_images()
    {
        FakeApiServer? server = null;
        server = new FakeApiServer((request, _) => OpenFoodFacts(request, server!.BaseUrl));
        using var owned = server;
        var (stage, context) = Stage(server.BaseUrl.AbsoluteUri);

        Run(stage, context);

        var rows = Collected();
        // Page 1: Canard Duchêne kept, green lentils dropped; page 2: pink lentils dropped, Champagne rosé kept (no image).
        Assert.Equal(["3113934004147", "3114080034057"], rows.Select(r => r.FoodId));
        Assert.Equal("en:beverages, en:wines, en:champagnes", rows[1].Category);
        Assert.Equal(["openfoodfacts", "openfoodfacts"], rows.Select(r => r.Source));
        Assert.All(rows, r => Assert.Equal("ODbL-1.0; images CC-BY-SA-3.0", r.Licence));
        Assert.Equal("data/artifacts/collect/images/000-3113934004147.png", rows[0].ImagePath);
        Assert.Equal((4, 3), (rows[0].ThumbnailWidth, rows[0].ThumbnailHeight)); // smaller than 96 px: kept as is
        Assert.Equal(4 * 3 * 3, new FileInfo(Path.Combine(_harness.Root, rows[0].ThumbnailPath!)).Length);
        Assert.Null(rows[1].ImagePath);
        var statistics = Statistics();
        Assert.Equal(("complete", 2, 2, 2), (statistics.Status, statistics.Products, statistics.Pages, statistics.DroppedOffTopic));
        Assert.Equal(3, statistics.Requests); // two search pages and one image
        Assert.Equal(3, server.RequestCount);
        Assert.Equal((1, 0), (statistics.ImagesDownloaded, statistics.ImagesFailed));
        Assert.Equal(2, (int)context.Metrics["collect.products"]!);
        Assert.Equal(3, (int)context.Metrics["collect.requests"]!);
        Assert.All(server.UserAgents, agent => Assert.Matches(@"^PlaceDeMarche\.Pipeline/[0-9][^ ]* \(research@example\.org\)$", agent));
    }

    [Fact]
    public void Rerun_is_served_from_the_cache_with_zero_requests()
    {
        FakeApiServer? server = null;
        server = new FakeApiServer((request, _) => OpenFoodFacts(request, server!.BaseUrl));
        using var owned = server;
        var (stage, context) = Stage(server.BaseUrl.AbsoluteUri);
        Run(stage, context);
        var first = File.ReadAllBytes(Path.Combine(_harness.Root, CollectionArtifactPaths.Collected));

        var (again, rerun) = Stage(server.BaseUrl.AbsoluteUri);
        Run(again, rerun);

        Assert.Equal(3, server.RequestCount);
        Assert.Equal((0, 2), (Statistics().Requests, Statistics().CacheHits));
        Assert.Equal(0, (int)rerun.Metrics["collect.requests"]!);
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(_harness.Root, CollectionArtifactPaths.Collected)));
        Assert.Equal(1, Statistics().ImagesDownloaded);
    }

    [Fact]
    public void Too_many_requests_then_success_waits_as_told()
    {
        using var server = new FakeApiServer((_, index) => index == 0
            ? new FakeResponse(429, "slow down"u8.ToArray(), "text/plain") { Headers = [("Retry-After", "5")] }
            : FakeResponse.Json(ApiFixtures.OpenFoodFactsPage2.Replace("\"page\": 2", "\"page\": 1", StringComparison.Ordinal)));
        var (stage, context) = Stage(server.BaseUrl.AbsoluteUri, "  max_pages: 1");

        Run(stage, context);

        Assert.Equal(["3114080034057"], Collected().Select(r => r.FoodId));
        Assert.Equal(2, Statistics().Requests);
        Assert.Contains(TimeSpan.FromSeconds(5), _clock.Delays);
    }

    [Fact]
    public void Server_errors_until_give_up_are_recorded_as_not_collected()
    {
        using var server = new FakeApiServer((_, _) => new FakeResponse(500, "boom"u8.ToArray(), "text/plain"));
        var (stage, context) = Stage(server.BaseUrl.AbsoluteUri);

        Run(stage, context);

        var statistics = Statistics();
        Assert.Equal("not collected", statistics.Status);
        Assert.StartsWith("openfoodfacts: not collected: API unreachable (HTTP 500", statistics.Reason);
        Assert.EndsWith("(gave up after 3 attempts))", statistics.Reason);
        Assert.Equal(3, server.RequestCount); // retries: 2 by default
        Assert.Empty(Collected());
        Assert.Equal(0, (int)context.Metrics["collect.products"]!);
        Assert.Equal("not collected", (string)context.Metrics["collect.status"]!);
    }

    [Fact]
    public void Required_collection_fails_the_stage_with_the_reason()
    {
        using var server = new FakeApiServer((_, _) => new FakeResponse(503, [], "text/plain"));
        var (stage, context) = Stage(server.BaseUrl.AbsoluteUri, "  required: true");

        var failure = Assert.Throws<CollectionFailedException>(() => Run(stage, context));

        Assert.StartsWith("openfoodfacts: not collected: API unreachable (HTTP 503", failure.Message);
        Assert.EndsWith("the source is marked required.", failure.Message);
        Assert.False(File.Exists(Path.Combine(_harness.Root, CollectionArtifactPaths.Collected)));
    }

    [Fact]
    public void A_silent_server_times_out()
    {
        using var server = new FakeApiServer((_, _) => FakeResponse.Json(ApiFixtures.OpenFoodFactsPage1) with { Delay = TimeSpan.FromSeconds(3) });
        var (stage, context) = Stage(server.BaseUrl.AbsoluteUri, "  timeout_seconds: 0.2\n  retries: 0");

        Run(stage, context);

        Assert.Contains("no complete answer within 0.2 s", Statistics().Reason);
    }

    [Fact]
    public void Garbage_body_is_rejected_with_its_position()
    {
        using var server = new FakeApiServer((_, _) => new FakeResponse(200, "{\"products\": [\n  nope\n]}"u8.ToArray()));
        var (stage, context) = Stage(server.BaseUrl.AbsoluteUri);

        Run(stage, context);

        Assert.Contains("unusable response (malformed JSON", Statistics().Reason);
        Assert.Contains("at line 2, byte 4 of that line", Statistics().Reason);
    }

    [Fact]
    public void Huge_body_is_refused_from_its_announced_length()
    {
        // 9 MiB against the client's 8 MiB limit on JSON pages.
        var huge = new byte[9 << 20];
        using var server = new FakeApiServer((_, _) => new FakeResponse(200, huge));
        var (stage, context) = Stage(server.BaseUrl.AbsoluteUri);

        Run(stage, context);

        Assert.Contains($"announces {9 << 20} bytes, over the {8 << 20}-byte limit", Statistics().Reason);
        Assert.Equal(1, server.RequestCount); // not retried: the answer will not shrink
    }

    [Fact]
    public void Unreachable_api_is_recorded_and_the_stage_succeeds()
    {
        var (stage, context) = Stage($"http://127.0.0.1:{FakeApiServer.FreePort()}/");

        Run(stage, context);

        Assert.StartsWith("openfoodfacts: not collected: API unreachable (network error:", Statistics().Reason);
        Assert.Equal(3, Statistics().Requests);
        Assert.Equal(2, _clock.Delays.Count); // bounded: two backoffs, then give up
        Assert.Empty(Directory.GetFiles(Path.Combine(_harness.Root, "data", "artifacts", "collect", "images")));
    }

    [Fact]
    public void Edamam_without_credentials_is_not_collected_and_sends_nothing()
    {
        using var server = new FakeApiServer((_, _) => FakeResponse.Json(ApiFixtures.EdamamLastPage));
        var (stage, context) = Stage(server.BaseUrl.AbsoluteUri, "  provider: edamam");

        Run(stage, context);

        Assert.StartsWith("edamam: not collected: credentials missing (set EDAMAM_APP_ID and EDAMAM_APP_KEY", Statistics().Reason);
        Assert.Equal(0, server.RequestCount);
    }

    [Theory]
    [InlineData("  provider: google", "collect.provider is 'google'")]
    [InlineData("  fields: [foodId, price]", "collect.fields lists 'price'")]
    [InlineData("  limit: 0", "collect.limit must be positive")]
    public void Bad_parameters_are_named(string extra, string expected)
    {
        var failure = Assert.Throws<PipelineConfigurationException>(() => Stage("", extra));

        Assert.Contains(expected, failure.Message);
    }
}
