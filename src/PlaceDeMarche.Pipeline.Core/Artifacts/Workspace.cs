namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>
/// The folders a run reads and writes, all below one root (the repository checkout in normal use,
/// a temporary folder in tests). Artifact paths in stage declarations are relative to <see cref="Root"/>; with a
/// <see cref="DatasetId"/>, those under <c>data/artifacts/</c> and <c>reports/</c> live in that dataset's own folders,
/// so studies of different datasets never overwrite each other. Caches (content-keyed) and downloads are shared.
/// </summary>
public sealed class Workspace
{
    private const string ArtifactsPrefix = "data/artifacts";
    private const string ReportsPrefix = "reports";

    public Workspace(string root, string? datasetId = null)
    {
        Root = Path.GetFullPath(root);
        if (datasetId is not null && (datasetId.Length == 0 || datasetId.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.')) || datasetId.StartsWith('.')))
        {
            throw new ArgumentException($"A dataset id is lowercase letters, digits, '-', '_' and '.', not '{datasetId}'.", nameof(datasetId));
        }

        DatasetId = datasetId;
    }

    public string Root { get; }

    /// <summary>The dataset whose study this workspace holds (null: the single-study layout of tests).</summary>
    public string? DatasetId { get; }

    /// <summary>Stage outputs (Parquet files, extracted data): <c>data/datasets/&lt;id&gt;/artifacts</c>, or <c>data/artifacts</c> without a dataset id.</summary>
    public string ArtifactsDirectory => DatasetId is null ? Path.Combine(Root, "data", "artifacts") : Path.Combine(Root, "data", "datasets", DatasetId, "artifacts");

    /// <summary>One manifest per stage recording what its outputs were built from.</summary>
    public string ManifestsDirectory => Path.Combine(ArtifactsDirectory, ".manifests");

    /// <summary>Per-run status logs, merged into <c>reports/run-summary.json</c> at the end of a run.</summary>
    public string RunsDirectory => Path.Combine(ArtifactsDirectory, ".runs");

    /// <summary>Downloaded archives (kept so a rerun needs no network).</summary>
    public string DownloadsDirectory => Path.Combine(Root, "data", "downloads");

    /// <summary>The reports of this workspace's dataset: <c>reports/&lt;id&gt;</c>, or <c>reports</c> without a dataset id.</summary>
    public string ReportsDirectory => DatasetId is null ? SharedReportsDirectory : Path.Combine(SharedReportsDirectory, DatasetId);

    /// <summary>The README's report folder, <c>reports</c>: the main study's reports are also copied there.</summary>
    public string SharedReportsDirectory => Path.Combine(Root, "reports");

    /// <summary>The same root for another dataset's study.</summary>
    public Workspace ForDataset(string datasetId) => new(Root, datasetId);

    /// <summary>
    /// Resolves a workspace-relative artifact path (forward slashes; a trailing slash marks a folder): paths under
    /// <c>data/artifacts/</c> and <c>reports/</c> go to this dataset's folders, others below <see cref="Root"/>.
    /// </summary>
    public string Resolve(string artifactPath)
    {
        var relative = artifactPath.TrimEnd('/');
        var (folder, rest) = Under(relative, ArtifactsPrefix) is { } inArtifacts ? (ArtifactsDirectory, inArtifacts)
            : Under(relative, ReportsPrefix) is { } inReports ? (ReportsDirectory, inReports)
            : (Root, relative);
        return Path.GetFullPath(Path.Combine(folder, rest.Replace('/', Path.DirectorySeparatorChar)));
    }

    /// <summary>Where a declared artifact really is, relative to <see cref="Root"/> with forward slashes (e.g.
    /// <c>data/datasets/flipkart-1050/artifacts/text/tfidf.parquet</c>): the path a reader can open.</summary>
    public string DisplayPath(string artifactPath)
    {
        var relative = Path.GetRelativePath(Root, Resolve(artifactPath)).Replace(Path.DirectorySeparatorChar, '/');
        return artifactPath.EndsWith('/') ? relative + "/" : relative;
    }

    private static string? Under(string path, string prefix) =>
        path == prefix ? ""
        : path.StartsWith(prefix + "/", StringComparison.Ordinal) ? path[(prefix.Length + 1)..]
        : null;

    /// <summary>Finds the workspace root by walking up from <paramref name="start"/> to the folder holding <c>pipeline.yaml</c>.</summary>
    public static Workspace Discover(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "pipeline.yaml")))
            {
                return new Workspace(dir.FullName);
            }
        }

        throw new DirectoryNotFoundException(
            $"No pipeline.yaml found in '{start}' or any parent folder; run from the repository or pass --workspace <dir>.");
    }
}
