using System.Diagnostics;
using System.Text;
using PlaceDeMarche.Pipeline.Collection.Tests;
using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Cli.Tests;

/// <summary><c>run --target Collect</c> through the real entry point, against a loopback Open Food Facts.</summary>
public sealed class CollectCommandTests : IDisposable
{
    private const string Page = """
        {"count": 3, "page": 1, "page_size": 50, "products": [
          {"code": "3113934004147", "product_name": "Canard Duchêne", "categories_tags": ["en:wines", "en:champagnes"],
           "ingredients_text": "Pinots et de Chardonnay"},
          {"code": "3039820510250", "product_name": "Lentilles vertes", "categories_tags": ["en:lentils"]},
          {"code": "3114080034057", "product_name": "Champagne rosé", "categories_tags": ["en:champagnes"]}
        ]}
        """;

    private readonly StudyWorkspace study = new();

    public void Dispose() => study.Dispose();

    private void PointCollectionAt(Uri baseUrl) => study.EditConfiguration("base_url: \"\"", $"base_url: \"{baseUrl.AbsoluteUri}\"");

    [Fact]
    public void Collect_writes_collected_parquet_and_a_forced_rerun_makes_no_request()
    {
        using var server = new FakeApiServer((_, _) => FakeResponse.Json(Page));
        PointCollectionAt(server.BaseUrl);

        Assert.Equal(0, study.Run("run", "--target", "Collect"));
        var requests = server.RequestCount;
        Assert.Equal(0, study.Run("run", "--target", "Collect", "--force"));

        Assert.Equal(1, requests);
        Assert.Equal(requests, server.RequestCount);
        var collected = CollectedProductTable.Read(study.PathOf("data/artifacts/collect/collected.parquet"));
        Assert.Equal(["3113934004147", "3114080034057"], collected.Select(p => p.FoodId));
        var metrics = study.Summary()["metrics"]!.AsObject();
        Assert.Equal(2, (int)metrics["collect.products"]!);
        Assert.Equal(0, (int)metrics["collect.requests"]!);
        Assert.Equal("ran", study.Statuses()["Collect"]);
    }

    [Fact]
    public void Required_collection_fails_fast_and_clearly_when_the_api_is_unreachable()
    {
        PointCollectionAt(new Uri($"http://127.0.0.1:{FakeApiServer.FreePort()}/"));

        Assert.Equal(1, study.Run("run", "--target", "Collect", "--collect=required"));

        Assert.Contains("not collected: API unreachable (network error:", study.Error);
        Assert.Contains("the source is marked required", study.Error);
        Assert.False(File.Exists(study.PathOf("data/artifacts/collect/collected.parquet")));
    }

    /// <summary>The case: the server closes the connection mid-body. With pipeline.yaml's own settings.</summary>
    private static FakeResponse Truncated() => FakeResponse.Json(Page) with { AnnouncedLength = Encoding.UTF8.GetByteCount(Page) + 198 };

    [Fact]
    public void A_truncated_body_is_retried_then_recorded_and_the_study_goes_on()
    {
        using var server = new FakeApiServer((_, _) => Truncated());
        PointCollectionAt(server.BaseUrl);
        var clock = Stopwatch.StartNew();

        Assert.Equal(0, study.Run("run", "--target", "Collect"));

        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 15); // retries: 2 backoffs of 1-1.5 s and 2-3 s
        var statistics = CollectionStatisticsTable.Read(study.PathOf("data/artifacts/collect/requests.parquet"));
        Assert.Equal(("not collected", CollectionReasonCodes.BodyTruncated, 3), (statistics.Status, statistics.ReasonCode, statistics.Requests));
        Assert.Equal(3, server.RequestCount);
        Assert.Equal("", study.Error);
    }

    [Fact]
    public void A_truncated_body_fails_a_required_collection_with_one_error_line()
    {
        using var server = new FakeApiServer((_, _) => Truncated());
        PointCollectionAt(server.BaseUrl);

        Assert.Equal(1, study.Run("run", "--target", "Collect", "--collect=required"));

        var line = Assert.Single(study.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("error: [Collect] openfoodfacts: not collected: API unreachable (body truncated: ", line);
        Assert.Contains("the source is marked required", line);
    }

    [Fact]
    public void A_retry_after_of_a_day_ends_at_once_and_is_cached()
    {
        using var server = new FakeApiServer((_, _) => new FakeResponse(503, [], "text/plain") { Headers = [("Retry-After", "86400")] });
        PointCollectionAt(server.BaseUrl);
        var clock = Stopwatch.StartNew();

        Assert.Equal(0, study.Run("run", "--target", "Collect"));
        var first = clock.Elapsed;
        Assert.Equal(0, study.Run("run", "--target", "Collect"));

        Assert.InRange(first.TotalSeconds, 0, 10); // no wait at all: the request is answered at once on loopback
        Assert.Equal(1, server.RequestCount);
        Assert.Equal("up-to-date", study.Statuses()["Collect"]);
        var statistics = CollectionStatisticsTable.Read(study.PathOf("data/artifacts/collect/requests.parquet"));
        Assert.Equal((CollectionReasonCodes.RetryAfter, 503, 86400L), (statistics.ReasonCode, statistics.HttpStatus, statistics.RetryAfterSeconds));
        Assert.StartsWith("openfoodfacts: not collected: the API asks to retry after 86400 s", statistics.Reason);
    }

    [Fact]
    public void Offline_collection_says_so_in_one_console_line()
    {
        PointCollectionAt(new Uri($"http://127.0.0.1:{FakeApiServer.FreePort()}/"));

        Assert.Equal(0, study.Run("run", "--target", "Collect"));

        var collectLines = study.Output.Split('\n').Where(line => line.Contains("Collect:", StringComparison.Ordinal)).ToArray();
        var line = Assert.Single(collectLines);
        Assert.Contains("warning: Collect: openfoodfacts: not collected: API unreachable (network error: Connection refused", line);
        Assert.DoesNotContain("attempt", study.Output.Replace("gave up after 3 attempts", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("search.pl", study.Output, StringComparison.Ordinal); // the long URL is in no line
    }

    [Fact]
    public void Unreachable_api_is_a_cached_result_until_forced()
    {
        PointCollectionAt(new Uri($"http://127.0.0.1:{FakeApiServer.FreePort()}/"));

        Assert.Equal(0, study.Run("run", "--target", "Collect"));
        Assert.Equal(0, study.Run("run", "--target", "Collect"));

        Assert.Equal("up-to-date", study.Statuses()["Collect"]);
        var statistics = CollectionStatisticsTable.Read(study.PathOf("data/artifacts/collect/requests.parquet"));
        Assert.Equal("not collected", statistics.Status);
    }

    [Fact]
    public void Collect_option_accepts_only_required_or_optional()
    {
        Assert.Equal(2, study.Run("run", "--target", "Collect", "--collect=maybe"));

        Assert.Contains("--collect takes 'required' or 'optional', not 'maybe'", study.Error);
    }
}
