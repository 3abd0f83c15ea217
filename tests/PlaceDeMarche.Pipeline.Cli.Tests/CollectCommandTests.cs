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
