using PlaceDeMarche.Pipeline.Collection.Http;
using PlaceDeMarche.Pipeline.Collection.Images;
using PlaceDeMarche.Pipeline.Collection.Products;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

public sealed class ProductImageDownloaderTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    [Fact]
    public async Task Keeps_png_and_jpeg_and_reports_the_others()
    {
        using var server = new FakeApiServer((request, _) => request.Url.AbsolutePath switch
        {
            "/ok.png" => new FakeResponse(200, Png, "image/png"),
            "/page.jpg" => new FakeResponse(200, "<html></html>"u8.ToArray(), "text/html"),
            "/liar.jpg" => new FakeResponse(200, Png, "image/jpeg"),
            _ => new FakeResponse(200, new byte[5000], "image/jpeg"),
        });
        using var http = new HttpClient();
        var client = new ResilientApiClient(http, new ResilienceOptions { RetryCount = 0 }, SecretRedactor.None, new FakeClock());
        var downloader = new ProductImageDownloader(client, maxImageBytes: 1000);
        var products = new[] { "ok.png", "page.jpg", "liar.jpg", "big.jpg" }
            .Select(name => new CollectedProduct(name, "Champagne", "", "", new Uri(server.BaseUrl, name), "test"))
            .Append(new CollectedProduct("no-image", "Champagne", "", "", null, "test"));

        var images = await downloader.DownloadAsync(products);

        Assert.Equal(4, images.Count);
        Assert.Equal(Png, images[0].Bytes);
        Assert.Equal("image/png", images[0].MediaType);
        Assert.Contains("content type 'text/html'", images[1].FailureReason);
        Assert.Contains("declared image/jpeg but its bytes are image/png", images[2].FailureReason);
        Assert.Contains("over the 1000-byte limit", images[3].FailureReason);
        Assert.Equal([true, false, false, false], images.Select(image => image.Succeeded));
    }
}
