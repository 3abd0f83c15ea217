namespace PlaceDeMarche.Pipeline.Collection.Stages;

/// <summary>The <c>collect</c> section of pipeline.yaml. Edamam credentials are never here: environment only.</summary>
public sealed class CollectParameters
{
    public const string OpenFoodFacts = "open_food_facts";
    public const string Edamam = "edamam";

    /// <summary>The brief's field names, in the order it lists them.</summary>
    public static IReadOnlyList<string> BriefFields { get; } = ["foodId", "label", "category", "foodContentsLabel", "image"];

    /// <summary><see cref="OpenFoodFacts"/> (no key needed) or <see cref="Edamam"/>.</summary>
    public string Provider { get; set; } = OpenFoodFacts;

    public string Query { get; set; } = "champagne";

    /// <summary>On-topic products kept.</summary>
    public int Limit { get; set; } = 10;

    /// <summary>Which of <see cref="BriefFields"/> are stored; the others are left empty (data minimisation).</summary>
    public List<string> Fields { get; set; } = [.. BriefFields];

    /// <summary>Results per page (Open Food Facts only; Edamam fixes its own).</summary>
    public int PageSize { get; set; } = 50;

    public int MaxPages { get; set; } = 5;

    /// <summary>API root; empty = the provider's public endpoint. Tests point it at a loopback server.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>How the provider can reach us, sent in the User-Agent.</summary>
    public string Contact { get; set; } = "";

    public int RequestsPerMinute { get; set; } = 10;

    public double TimeoutSeconds { get; set; } = 20;

    public int Retries { get; set; } = 2;

    public double BackoffSeconds { get; set; } = 1;

    /// <summary>Bound on the whole collection (search pages and images, waits included).</summary>
    public double MaxTotalSeconds { get; set; } = 40;

    /// <summary>A Retry-After longer than this ends the collection at once ("not collected: the API asks to retry after …").</summary>
    public double MaxRetryAfterSeconds { get; set; } = 30;

    /// <summary>Redirects followed per request; more is treated as a loop.</summary>
    public int MaxRedirects { get; set; } = 3;

    public bool DownloadImages { get; set; } = true;

    public long MaxImageBytes { get; set; } = 2L << 20;

    /// <summary>Longest side of the thumbnails shown in the report.</summary>
    public int ThumbnailSize { get; set; } = 96;

    /// <summary>Workspace-relative folder of raw API responses and images; empty = no cache.</summary>
    public string CacheDirectory { get; set; } = "data/cache/collect";

    /// <summary>When true (<c>--collect=required</c>), a failed collection fails the stage instead of being recorded.</summary>
    public bool Required { get; set; }
}
