namespace PlaceDeMarche.Pipeline.Collection.Stages;

/// <summary>The <c>collect</c> section of pipeline.yaml. Edamam credentials are never here: environment only.</summary>
public sealed class CollectParameters
{
    public const string OpenFoodFacts = "open_food_facts";
    public const string Edamam = "edamam";

    /// <summary>The brief's field names, in the order it lists them.</summary>
    public static IReadOnlyList<string> BriefFields { get; } = ["foodId", "label", "category", "foodContentsLabel", "image"];

    /// <summary><see cref="OpenFoodFacts"/> (no key needed) or <see cref="Edamam"/>.</summary>
    public required string Provider { get; set; }

    public required string Query { get; set; }

    /// <summary>On-topic products kept.</summary>
    public required int Limit { get; set; }

    /// <summary>Which of <see cref="BriefFields"/> are stored; the others are left empty (data minimisation).</summary>
    public required List<string> Fields { get; set; }

    /// <summary>Results per page (Open Food Facts only; Edamam fixes its own).</summary>
    public required int PageSize { get; set; }

    public required int MaxPages { get; set; }

    /// <summary>API root; empty = the provider's public endpoint. Tests point it at a loopback server.</summary>
    public required string BaseUrl { get; set; }

    /// <summary>How the provider can reach us, sent in the User-Agent.</summary>
    public required string Contact { get; set; }

    public required int RequestsPerMinute { get; set; }

    public required double TimeoutSeconds { get; set; }

    public required int Retries { get; set; }

    public required double BackoffSeconds { get; set; }

    /// <summary>Bound on the whole collection (search pages and images, waits included).</summary>
    public required double MaxTotalSeconds { get; set; }

    /// <summary>A Retry-After longer than this ends the collection at once ("not collected: the API asks to retry after …").</summary>
    public required double MaxRetryAfterSeconds { get; set; }

    /// <summary>Redirects followed per request; more is treated as a loop.</summary>
    public required int MaxRedirects { get; set; }

    public required bool DownloadImages { get; set; }

    public required long MaxImageBytes { get; set; }

    /// <summary>Longest side of the thumbnails shown in the report.</summary>
    public required int ThumbnailSize { get; set; }

    /// <summary>Workspace-relative folder of raw API responses and images; empty = no cache.</summary>
    public required string CacheDirectory { get; set; }

    /// <summary>When true (<c>--collect=required</c>), a failed collection fails the stage instead of being recorded.</summary>
    public required bool Required { get; set; }
}
