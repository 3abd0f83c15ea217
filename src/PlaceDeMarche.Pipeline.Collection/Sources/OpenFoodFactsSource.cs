using System.Globalization;
using System.Text.Json;
using PlaceDeMarche.Pipeline.Collection.Http;
using PlaceDeMarche.Pipeline.Collection.Products;

namespace PlaceDeMarche.Pipeline.Collection.Sources;

/// <summary>
/// Open Food Facts full-text search (<c>/cgi/search.pl?search_terms=…&amp;json=1&amp;page=…&amp;page_size=…</c>),
/// mapped to <see cref="CollectedProduct"/>: foodId = code, label = product_name, category = categories_tags,
/// foodContentsLabel = ingredients_text, image = image_front_url.
/// </summary>
public sealed class OpenFoodFactsSource : IProductSource
{
    private const string Fields = "code,product_name,categories_tags,ingredients_text,image_front_url";

    private readonly OpenFoodFactsOptions _options;
    private readonly ResilientApiClient _client;

    public OpenFoodFactsSource(OpenFoodFactsOptions options, HttpClient http, IClock? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PageSize, nameof(options.PageSize));
        _options = options;
        _client = options.CreateClient(http, SecretRedactor.None, clock ?? SystemClock.Instance);
    }

    public string Name => "openfoodfacts";

    public Task<CollectionResult> CollectAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return PagedCollector.CollectAsync(
            Name, query, _client, PageUrl(query, 1), (body, page) => ParsePage(body, query, page),
            _options.Limits, _options.Required, cancellationToken);
    }

    private Uri PageUrl(string query, int page) => new(
        _options.BaseUrl,
        $"cgi/search.pl?search_terms={Uri.EscapeDataString(query)}&search_simple=1&action=process&json=1"
        + $"&page={page.ToString(CultureInfo.InvariantCulture)}&page_size={_options.PageSize.ToString(CultureInfo.InvariantCulture)}"
        + $"&fields={Fields}");

    private SourcePage ParsePage(ReadOnlyMemory<byte> body, string query, int page)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("products", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("expected an object with a \"products\" array (Open Food Facts search result).");
        }

        var products = new List<CollectedProduct>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            var code = JsonFields.String(item, "code");
            if (code.Length == 0)
            {
                continue; // without a barcode the product cannot be identified or deduplicated
            }

            var categories = item.TryGetProperty("categories_tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                ? string.Join(", ", tags.EnumerateArray().Where(tag => tag.ValueKind == JsonValueKind.String).Select(tag => tag.GetString()))
                : "";
            products.Add(new CollectedProduct(
                code, JsonFields.String(item, "product_name"), categories, JsonFields.String(item, "ingredients_text"),
                JsonFields.AbsoluteUri(item, "image_front_url"), Name));
        }

        var count = root.TryGetProperty("count", out var countElement) && countElement.TryGetInt64(out var total) ? total : 0;
        var hasMore = items.GetArrayLength() > 0 && (long)page * _options.PageSize < count;
        return new SourcePage(products, hasMore ? PageUrl(query, page + 1) : null);
    }
}
