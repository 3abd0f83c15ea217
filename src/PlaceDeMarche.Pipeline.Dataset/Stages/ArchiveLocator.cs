using System.Diagnostics;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Dataset.Download;

namespace PlaceDeMarche.Pipeline.Dataset.Stages;

/// <summary>
/// Turns the configured source into a verified local archive: the committed sample, a local file, or a URL
/// downloaded once into <c>data/downloads/</c> (resumed if interrupted, reused afterwards without any request).
/// </summary>
public sealed class ArchiveLocator
{
    public const string SampleSource = "sample";
    public const string SampleArchive = "data/sample/flipkart-sample.zip";

    private readonly Workspace workspace;
    private readonly IPipelineLog log;
    private readonly Func<HttpClient> httpClientFactory;

    public ArchiveLocator(Workspace workspace, IPipelineLog log, Func<HttpClient> httpClientFactory)
    {
        this.workspace = workspace;
        this.log = log;
        this.httpClientFactory = httpClientFactory;
    }

    public ArchiveLocation Locate(DatasetParameters parameters, CancellationToken cancellation)
    {
        var source = parameters.Source.Trim();
        var isSample = source.Equals(SampleSource, StringComparison.OrdinalIgnoreCase);
        var isUrl = source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var path = isSample ? workspace.Resolve(SampleArchive) : isUrl ? DownloadTarget(source) : Path.GetFullPath(source, workspace.Root);
        var fileName = Path.GetFileName(path);
        var expected = Pinned(parameters.Sha256)
            ?? Pinned(parameters.KnownArchives.FirstOrDefault(a => a.FileName.Equals(fileName, StringComparison.OrdinalIgnoreCase))?.Sha256);

        // An unpinned download already on disk is reused as is: a rerun must not need the network.
        var fetchFrom = isUrl && (expected is not null || !File.Exists(path)) ? source : path;
        var sinceReport = Stopwatch.StartNew();
        var options = new FetchOptions
        {
            MaxBytes = parameters.MaxDownloadBytes,
            RetryCount = parameters.DownloadRetries,
            AttemptTimeout = TimeSpan.FromSeconds(parameters.DownloadTimeoutSeconds),
            ExpectedSha256 = expected,
            Progress = (done, total) =>
            {
                if (sinceReport.Elapsed.TotalSeconds >= 2)
                {
                    sinceReport.Restart();
                    log.Progress($"Download: {fileName} {done >> 20} MiB" + (total is { } all ? $" of {all >> 20} MiB" : ""));
                }
            },
            OnRetry = retry => log.Warning($"Download: attempt {retry.FailedAttempt} failed ({retry.Reason}); retrying in {retry.Delay.TotalSeconds:F0} s"),
        };
        using var client = httpClientFactory();
        var result = new DatasetFetcher(client).FetchAsync(fetchFrom, path, options, cancellation).GetAwaiter().GetResult();
        if (expected is null)
        {
            log.Info($"Download: {fileName} is not pinned in pipeline.yaml; its SHA-256 is {result.Sha256} (recorded in the report)");
        }

        return new ArchiveLocation(result.Path, result.Sha256, result.Length, isSample ? SampleArchive : source, isSample);
    }

    private string DownloadTarget(string url)
    {
        var name = Uri.UnescapeDataString(new Uri(url).Segments[^1]);
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return Path.Combine(workspace.DownloadsDirectory, safe.Length > 0 && safe != "_" ? safe : "dataset.zip");
    }

    private static string? Pinned(string? sha256) => string.IsNullOrWhiteSpace(sha256) ? null : sha256.Trim();
}
