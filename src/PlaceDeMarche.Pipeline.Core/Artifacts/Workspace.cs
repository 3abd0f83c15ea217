namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>
/// The folders a run reads and writes, all below one root (the repository checkout in normal use,
/// a temporary folder in tests). Artifact paths in stage declarations are relative to <see cref="Root"/>.
/// </summary>
public sealed class Workspace
{
    public Workspace(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>Stage outputs (Parquet files, extracted data): <c>data/artifacts</c>.</summary>
    public string ArtifactsDirectory => Path.Combine(Root, "data", "artifacts");

    /// <summary>One manifest per stage recording what its outputs were built from.</summary>
    public string ManifestsDirectory => Path.Combine(ArtifactsDirectory, ".manifests");

    /// <summary>Per-run status logs, merged into <c>reports/run-summary.json</c> at the end of a run.</summary>
    public string RunsDirectory => Path.Combine(ArtifactsDirectory, ".runs");

    /// <summary>Downloaded archives (kept so a rerun needs no network).</summary>
    public string DownloadsDirectory => Path.Combine(Root, "data", "downloads");

    public string ReportsDirectory => Path.Combine(Root, "reports");

    /// <summary>Resolves a workspace-relative artifact path (forward slashes; a trailing slash marks a folder).</summary>
    public string Resolve(string artifactPath) =>
        Path.GetFullPath(Path.Combine(Root, artifactPath.TrimEnd('/').Replace('/', Path.DirectorySeparatorChar)));

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
