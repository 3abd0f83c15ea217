using System.Globalization;
using System.Reflection;
using PlaceDeMarche.Pipeline.Collection.Http;
using PlaceDeMarche.Pipeline.Collection.Images;
using PlaceDeMarche.Pipeline.Collection.Products;
using PlaceDeMarche.Pipeline.Collection.Sources;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Imaging;
using PlaceDeMarche.Pipeline.Imaging.Processing;

namespace PlaceDeMarche.Pipeline.Collection.Stages;

/// <summary>
/// Collects the first products of a search from a public API (Open Food Facts or Edamam) into <c>collected.parquet</c>,
/// with the request statistics and, optionally, the product images and their thumbnails. Any failure of the API or the
/// network is a result, not a failure ("not collected: API unreachable (…)", with a reason code), unless the collection
/// is required; the whole collection is bounded by <c>collect.max_total_seconds</c>. That result is cached like any
/// other, so <c>--force</c> (or <c>dotnet cake --target=Collect --force</c>) is how to retry.
/// </summary>
public sealed class CollectStage : Stage<CollectParameters>
{
    private readonly IClock clock;
    private readonly Func<string, string?>? getEnvironmentVariable;

    /// <param name="clock">Real time by default; tests pass a fake one so that backoffs do not wait.</param>
    /// <param name="getEnvironmentVariable">Where the Edamam credentials are read; the process environment by default.</param>
    public CollectStage(IClock? clock = null, Func<string, string?>? getEnvironmentVariable = null)
    {
        this.clock = clock ?? SystemClock.Instance;
        this.getEnvironmentVariable = getEnvironmentVariable;
    }

    public override string Name => "Collect";

    public override string Description => "Collect new products through a public API (Open Food Facts or Edamam), cached; unreachable = recorded, not fatal";

    public override IReadOnlyList<string> Inputs { get; } = [];

    public override IReadOnlyList<string> Outputs { get; } =
        [CollectionArtifactPaths.Collected, CollectionArtifactPaths.CollectionStatistics, CollectionArtifactPaths.CollectedImages];

    protected override CollectParameters BindParameters(PipelineConfiguration configuration)
    {
        var parameters = configuration.Bind<CollectParameters>("collect");
        Validate(parameters, configuration.SourceName);
        return parameters;
    }

    protected override void Run(StageContext context, CollectParameters parameters)
    {
        using var http = CreateHttpClient(parameters);
        var cacheRoot = parameters.CacheDirectory.Length == 0 ? null : Path.GetFullPath(parameters.CacheDirectory, context.Workspace.Root);
        var budget = new TimeBudget(TimeSpan.FromSeconds(parameters.MaxTotalSeconds), clock);
        var source = CreateSource(parameters, http, cacheRoot, budget);
        var result = source.CollectAsync(parameters.Query, context.Cancellation).GetAwaiter().GetResult();
        var licence = parameters.Provider == CollectParameters.Edamam ? "Edamam API terms" : "ODbL-1.0; images CC-BY-SA-3.0";

        var imageRequests = 0;
        var images = new Dictionary<int, (string ImagePath, string ThumbnailPath, int Width, int Height)>();
        var imageFailures = new List<string>();
        AtomicFile.ReplaceDirectory(context.OutputPath(CollectionArtifactPaths.CollectedImages), folder =>
        {
            if (!parameters.DownloadImages || !parameters.Fields.Contains("image") || result.Products.Count == 0)
            {
                return;
            }

            var client = new ResilientApiClient(http, Resilience(parameters), SecretRedactor.None, clock,
                new RateLimiter(parameters.RequestsPerMinute, TimeSpan.FromMinutes(1), clock), userAgent: UserAgent(parameters), budget: budget);
            var downloader = new ProductImageDownloader(client, parameters.MaxImageBytes,
                cacheRoot is null ? null : new ResponseCache(Path.Combine(cacheRoot, "images"), ".img"));
            for (var index = 0; index < result.Products.Count; index++)
            {
                var product = result.Products[index];
                if (product.Image is null)
                {
                    continue;
                }

                var downloaded = downloader.DownloadAsync([product], context.Cancellation).GetAwaiter().GetResult().Single();
                var saved = downloaded.Succeeded ? SaveImage(folder, index, downloaded, parameters.ThumbnailSize) : null;
                if (saved is { } paths)
                {
                    images[index] = paths;
                }
                else
                {
                    imageFailures.Add($"{product.FoodId}: {downloaded.FailureReason ?? "not a decodable image"}");
                }
            }

            imageRequests = client.Requests;
        });

        var rows = result.Products.Select((product, index) =>
        {
            var image = images.TryGetValue(index, out var kept) ? kept : default;
            return new CollectedProductRow(
                Kept(parameters, "foodId", product.FoodId),
                Kept(parameters, "label", product.Label),
                Kept(parameters, "category", product.Category),
                Kept(parameters, "foodContentsLabel", product.FoodContentsLabel),
                parameters.Fields.Contains("image") ? product.Image?.AbsoluteUri : null,
                product.Source,
                licence,
                image.ImagePath,
                image.ThumbnailPath,
                image.Width,
                image.Height);
        }).ToArray();
        CollectedProductTable.Write(context.OutputPath(CollectionArtifactPaths.Collected), rows);

        var requests = result.Requests + imageRequests;
        CollectionStatisticsTable.Write(context.OutputPath(CollectionArtifactPaths.CollectionStatistics), new CollectionStatisticsRecord(
            source.Name, parameters.Query, StatusName(result.Status), result.Reason ?? "", result.ReasonCode ?? "", rows.Length,
            result.PagesRead, result.DroppedOffTopic, requests, result.CacheHits, result.CacheMisses, images.Count, imageFailures.Count,
            result.HttpStatus, (long)Math.Ceiling(result.RetryAfter?.TotalSeconds ?? 0)));

        // One line says how it ended: the details (URL, every attempt) are in requests.parquet, not on the console.
        var imageNote = imageFailures.Count == 0 ? "" : $"; {imageFailures.Count} images not kept (first: {imageFailures[0]})";
        if (result.Status == CollectionStatus.NotCollected)
        {
            context.Log.Warning($"Collect: {result.Reason}. The study goes on without collected products; this outcome is cached: "
                + "retry with `dotnet cake --target=Collect --force`, or make it fatal with --collect=required.");
        }
        else
        {
            var summary = $"Collect: {rows.Length} products, {images.Count} images, {requests} requests "
                + $"({result.CacheHits} pages from the cache){(result.Reason is null ? "" : "; " + result.Reason)}{imageNote}.";
            if (result.Status == CollectionStatus.Partial || imageFailures.Count > 0)
            {
                context.Log.Warning(summary);
            }
            else
            {
                context.Log.Info(summary);
            }
        }

        context.PublishMetric("collect.products", rows.Length);
        context.PublishMetric("collect.requests", requests);
        context.PublishMetric("collect.status", StatusName(result.Status));
    }

    /// <summary>"complete", "partial" or "not collected", as the statistics table and the report print it.</summary>
    public static string StatusName(CollectionStatus status) => status switch
    {
        CollectionStatus.Complete => "complete",
        CollectionStatus.Partial => "partial",
        _ => "not collected",
    };

    /// <summary>
    /// The client's transport: redirects bounded (past them the client sees the last redirect and names it a loop),
    /// gzip/deflate/brotli decoded, and no client-wide timeout since each attempt has its own, within the time budget.
    /// </summary>
    private static HttpClient CreateHttpClient(CollectParameters parameters)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = parameters.MaxRedirects > 0,
            MaxAutomaticRedirections = Math.Max(1, parameters.MaxRedirects),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private IProductSource CreateSource(CollectParameters parameters, HttpClient http, string? cacheRoot, TimeBudget budget)
    {
        var limits = new CollectionLimits { MaxPages = parameters.MaxPages, MaxProducts = parameters.Limit };
        var cache = cacheRoot is null ? null : Path.Combine(cacheRoot, parameters.Provider);
        var version = ApplicationVersion();
        if (parameters.Provider == CollectParameters.Edamam)
        {
            var edamam = new EdamamOptions
            {
                Contact = parameters.Contact, ApplicationVersion = version, RequestsPerMinute = parameters.RequestsPerMinute,
                Limits = limits, Resilience = Resilience(parameters), CacheDirectory = cache, Required = parameters.Required,
                TimeBudget = budget,
            };
            return new EdamamFoodSource(
                parameters.BaseUrl.Length == 0 ? edamam : edamam with { BaseUrl = new Uri(parameters.BaseUrl) },
                http, clock, getEnvironmentVariable);
        }

        var openFoodFacts = new OpenFoodFactsOptions
        {
            Contact = parameters.Contact, ApplicationVersion = version, RequestsPerMinute = parameters.RequestsPerMinute,
            Limits = limits, Resilience = Resilience(parameters), CacheDirectory = cache, Required = parameters.Required,
            PageSize = parameters.PageSize, TimeBudget = budget,
        };
        return new OpenFoodFactsSource(
            parameters.BaseUrl.Length == 0 ? openFoodFacts : openFoodFacts with { BaseUrl = new Uri(parameters.BaseUrl) },
            http, clock);
    }

    private static ResilienceOptions Resilience(CollectParameters parameters) => new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(parameters.TimeoutSeconds),
        RetryCount = parameters.Retries,
        BackoffBase = TimeSpan.FromSeconds(parameters.BackoffSeconds),
        MaxRetryAfter = TimeSpan.FromSeconds(parameters.MaxRetryAfterSeconds),
    };

    private static string UserAgent(CollectParameters parameters) => $"PlaceDeMarche.Pipeline/{ApplicationVersion()} ({parameters.Contact})";

    /// <summary>The assembly's informational version without the source-revision suffix ("1.0.0+abc123" → "1.0.0").</summary>
    private static string ApplicationVersion()
    {
        var version = typeof(CollectStage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private static string Kept(CollectParameters parameters, string field, string value) =>
        parameters.Fields.Contains(field) ? value : "";

    /// <summary>
    /// Keeps an image only if our decoders read it, and writes a thumbnail (raw RGB24, its size in the table) for the
    /// report; returns null when the bytes do not decode.
    /// </summary>
    private static (string, string, int, int)? SaveImage(string folder, int index, DownloadedImage image, int thumbnailSize)
    {
        RgbImage decoded;
        try
        {
            decoded = ImageDecoder.Decode(image.Bytes, sourceName: image.Url.AbsoluteUri);
        }
        catch (ImageDecodeException)
        {
            return null;
        }

        var (width, height) = ImageResizer.FitWithin(decoded.Width, decoded.Height, thumbnailSize);
        var thumbnail = ImageResizer.Resize(decoded, width, height, ResizeMethod.Area);
        var stem = $"{index.ToString("D3", CultureInfo.InvariantCulture)}-{SafeName(image.FoodId)}";
        var imageName = stem + (image.MediaType == "image/png" ? ".png" : ".jpg");
        var thumbnailName = stem + ".thumb.rgb";
        File.WriteAllBytes(Path.Combine(folder, imageName), image.Bytes!);
        File.WriteAllBytes(Path.Combine(folder, thumbnailName), thumbnail.Pixels);
        return (CollectionArtifactPaths.CollectedImages + imageName, CollectionArtifactPaths.CollectedImages + thumbnailName, width, height);
    }

    private static string SafeName(string id) =>
        new(id.Take(60).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());

    private static void Validate(CollectParameters parameters, string sourceName)
    {
        string? problem = parameters switch
        {
            { Provider: not (CollectParameters.OpenFoodFacts or CollectParameters.Edamam) } =>
                $"collect.provider is '{parameters.Provider}'; use {CollectParameters.OpenFoodFacts} or {CollectParameters.Edamam}",
            { Query: var query } when string.IsNullOrWhiteSpace(query) => "collect.query is empty; give the search terms",
            { Limit: <= 0 } => "collect.limit must be positive",
            { PageSize: <= 0 } => "collect.page_size must be positive",
            { MaxPages: <= 0 } => "collect.max_pages must be positive",
            { RequestsPerMinute: <= 0 } => "collect.requests_per_minute must be positive",
            { TimeoutSeconds: <= 0 } => "collect.timeout_seconds must be positive",
            { Retries: < 0 } => "collect.retries must be 0 or more",
            { BackoffSeconds: < 0 } => "collect.backoff_seconds must be 0 or more",
            { MaxTotalSeconds: <= 0 } => "collect.max_total_seconds must be positive",
            { MaxRetryAfterSeconds: < 0 } => "collect.max_retry_after_seconds must be 0 or more",
            { MaxRedirects: < 0 } => "collect.max_redirects must be 0 or more",
            { MaxImageBytes: <= 0 } => "collect.max_image_bytes must be positive",
            { ThumbnailSize: <= 0 } => "collect.thumbnail_size must be positive",
            { Contact: var contact } when string.IsNullOrWhiteSpace(contact) =>
                "collect.contact is empty; Open Food Facts asks every client to identify itself (an e-mail or URL)",
            { BaseUrl: var url } when url.Length > 0 && !Uri.TryCreate(url, UriKind.Absolute, out _) =>
                $"collect.base_url '{url}' is not an absolute URL",
            _ => parameters.Fields.FirstOrDefault(field => !CollectParameters.BriefFields.Contains(field)) is { } unknown
                ? $"collect.fields lists '{unknown}'; allowed: {string.Join(", ", CollectParameters.BriefFields)}"
                : null,
        };
        if (problem is not null)
        {
            throw new PipelineConfigurationException($"{sourceName}: {problem}.");
        }
    }
}
