using PlaceDeMarche.Pipeline.Collection.Http;
using PlaceDeMarche.Pipeline.Collection.Products;

namespace PlaceDeMarche.Pipeline.Collection.Images;

/// <summary>
/// Downloads the images of collected products through a <see cref="ResilientApiClient"/> (same retries, rate limit and
/// redaction), keeping only JPEG or PNG bodies under a size limit. The media type is checked both as declared and
/// by the file signature, since servers mislabel files. Failures are reported per image, never thrown. With a
/// <paramref name="cache"/>, an image kept once is never requested again (reruns work offline).
/// </summary>
public sealed class ProductImageDownloader(ResilientApiClient client, long maxImageBytes = 4L << 20, ResponseCache? cache = null)
{
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public async Task<IReadOnlyList<DownloadedImage>> DownloadAsync(
        IEnumerable<CollectedProduct> products, CancellationToken cancellationToken = default)
    {
        var images = new List<DownloadedImage>();
        foreach (var product in products)
        {
            if (product.Image is { } url)
            {
                images.Add(await DownloadAsync(product.FoodId, url, cancellationToken).ConfigureAwait(false));
            }
        }

        return images;
    }

    private async Task<DownloadedImage> DownloadAsync(string foodId, Uri url, CancellationToken cancellationToken)
    {
        var key = client.Redactor.Redact(url);
        if (cache is not null && cache.TryRead(key, out var cached))
        {
            var cachedType = Sniff(cached);
            return cachedType is null
                ? new DownloadedImage(foodId, url, null, null, $"cached image {cache.PathFor(key)} is neither JPEG nor PNG; delete it to fetch again.")
                : new DownloadedImage(foodId, url, cached, cachedType, null);
        }

        ApiResponse response;
        try
        {
            response = await client.GetAsync(url, maxImageBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException exception)
        {
            return new DownloadedImage(foodId, url, null, null, exception.Message);
        }

        var sniffed = Sniff(response.Body);
        if (response.MediaType is not ("image/jpeg" or "image/png"))
        {
            return new DownloadedImage(foodId, url, null, response.MediaType,
                $"content type '{response.MediaType}' from {client.Redactor.Redact(url)} is not image/jpeg or image/png; skipped.");
        }

        if (sniffed != response.MediaType)
        {
            return new DownloadedImage(foodId, url, null, response.MediaType,
                $"{client.Redactor.Redact(url)} is declared {response.MediaType} but its bytes are "
                + $"{sniffed ?? "neither JPEG nor PNG"}; skipped.");
        }

        cache?.Store(key, response.Body);
        return new DownloadedImage(foodId, url, response.Body, response.MediaType, null);
    }

    private static string? Sniff(ReadOnlySpan<byte> body) =>
        body.StartsWith(JpegSignature) ? "image/jpeg" : body.StartsWith(PngSignature) ? "image/png" : null;
}
