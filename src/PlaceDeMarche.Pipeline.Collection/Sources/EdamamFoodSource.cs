using System.Text.Json;
using PlaceDeMarche.Pipeline.Collection.Http;
using PlaceDeMarche.Pipeline.Collection.Products;
using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Collection.Sources;

/// <summary>
/// Edamam food-database parser (<c>/api/food-database/v2/parser?app_id&amp;app_key&amp;ingr=…</c>), following
/// <c>_links.next.href</c>; each <c>hints[].food</c> becomes a <see cref="CollectedProduct"/>. The credentials are
/// redacted from every log line, exception and cache key.
/// </summary>
public sealed class EdamamFoodSource : IProductSource
{
    private readonly EdamamOptions _options;
    private readonly EdamamCredentials? _credentials;
    private readonly ResilientApiClient _client;

    public EdamamFoodSource(
        EdamamOptions options,
        HttpClient http,
        IClock? clock = null,
        Func<string, string?>? getEnvironmentVariable = null)
    {
        _options = options;
        _credentials = EdamamCredentials.FromEnvironment(getEnvironmentVariable);
        var redactor = new SecretRedactor(_credentials is null ? [] : [_credentials.AppId, _credentials.AppKey]);
        _client = options.CreateClient(http, redactor, clock ?? SystemClock.Instance);
    }

    public string Name => "edamam";

    public Task<CollectionResult> CollectAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        if (_credentials is null)
        {
            var reason = $"{Name}: not collected: credentials missing (set {EdamamCredentials.AppIdVariable} and "
                + $"{EdamamCredentials.AppKeyVariable} in the environment)";
            if (_options.Required)
            {
                throw new CollectionFailedException(reason + " — the source is marked required.");
            }

            return Task.FromResult(new CollectionResult(
                [], CollectionStatus.NotCollected, reason, 0, 0, 0, 0, 0, CollectionReasonCodes.CredentialsMissing));
        }

        var first = new Uri(_options.BaseUrl, "api/food-database/v2/parser?" + CredentialQuery(_credentials)
            + "&ingr=" + Uri.EscapeDataString(query));
        return PagedCollector.CollectAsync(
            Name, query, _client, first, (body, _) => ParsePage(body, _credentials),
            _options.Limits, _options.Required, cancellationToken);
    }

    private static string CredentialQuery(EdamamCredentials credentials) =>
        $"app_id={Uri.EscapeDataString(credentials.AppId)}&app_key={Uri.EscapeDataString(credentials.AppKey)}";

    private SourcePage ParsePage(ReadOnlyMemory<byte> body, EdamamCredentials credentials)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("hints", out var hints) || hints.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("expected an object with a \"hints\" array (Edamam parser result).");
        }

        var products = new List<CollectedProduct>(hints.GetArrayLength());
        foreach (var hint in hints.EnumerateArray())
        {
            if (!hint.TryGetProperty("food", out var food) || food.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var foodId = JsonFields.String(food, "foodId");
            if (foodId.Length == 0)
            {
                continue;
            }

            products.Add(new CollectedProduct(
                foodId, JsonFields.String(food, "label"), JsonFields.String(food, "category"),
                JsonFields.String(food, "foodContentsLabel"), JsonFields.AbsoluteUri(food, "image"), Name));
        }

        return new SourcePage(products, NextPage(root, credentials));
    }

    /// <summary>
    /// The next link, only if it stays on the configured host (it will carry our key), with our credentials
    /// in place of whatever the link carries.
    /// </summary>
    private Uri? NextPage(JsonElement root, EdamamCredentials credentials)
    {
        if (!root.TryGetProperty("_links", out var links) || links.ValueKind != JsonValueKind.Object
            || !links.TryGetProperty("next", out var next) || next.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var href = JsonFields.AbsoluteUri(next, "href");
        if (href is null)
        {
            return null;
        }

        if (Uri.Compare(href, _options.BaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new JsonException(
                $"_links.next.href points to {href.GetLeftPart(UriPartial.Authority)}, not to {_options.BaseUrl.GetLeftPart(UriPartial.Authority)}; "
                + "not followed, since the request would carry the Edamam key.");
        }

        var otherParameters = href.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(parameter => !parameter.StartsWith("app_id=", StringComparison.Ordinal)
                && !parameter.StartsWith("app_key=", StringComparison.Ordinal));
        var query = string.Join('&', otherParameters.Prepend(CredentialQuery(credentials)));
        return new UriBuilder(href) { Query = query }.Uri;
    }
}
