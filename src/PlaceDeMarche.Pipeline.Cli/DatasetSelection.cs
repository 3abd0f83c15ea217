using System.Text.Json;
using PlaceDeMarche.Pipeline.Core.Artifacts;

namespace PlaceDeMarche.Pipeline.Cli;

/// <summary>
/// The dataset a run studies, and the workspace folders named after it: <c>--dataset</c> when given, else the one
/// the last successful run studied (remembered in <see cref="MemoryFile"/>), else pipeline.yaml's <c>dataset.source</c>.
/// </summary>
/// <param name="Source">What the Download stage reads: a full local path, <c>sample</c>, or a URL.</param>
/// <param name="Id">The dataset's folder name under <c>data/datasets/</c> and <c>reports/</c>.</param>
/// <param name="Remembered">Chosen from the last run's memory rather than the command line or the configuration.</param>
public sealed record DatasetSelection(string Source, string Id, bool Remembered)
{
    /// <summary>Where the last successful run's dataset is remembered, relative to the workspace.</summary>
    public const string MemoryFile = "data/datasets/current.json";

    /// <summary>The id of the small offline sample, whose reports stay in their own folder only.</summary>
    public const string SampleId = "sample";

    /// <summary>Whether this is a demonstration run, whose reports must not replace the main study's at the README's path.</summary>
    public bool IsSample => Id == SampleId;

    public static DatasetSelection Choose(string? argument, Workspace workspace, string configuredSource)
    {
        if (argument is not null)
        {
            // A local path on the command line is relative to where the user stands, not to the workspace.
            var isLocalPath = !argument.Contains("://", StringComparison.Ordinal) && !argument.Equals(SampleId, StringComparison.OrdinalIgnoreCase);
            var source = isLocalPath ? Path.GetFullPath(argument) : argument.Equals(SampleId, StringComparison.OrdinalIgnoreCase) ? SampleId : argument;
            return new DatasetSelection(source, IdOf(source, configuredSource), Remembered: false);
        }

        var memory = workspace.Resolve(MemoryFile);
        if (File.Exists(memory) && JsonSerializer.Deserialize<Memory>(File.ReadAllText(memory)) is { Source.Length: > 0 } remembered)
        {
            return new DatasetSelection(remembered.Source, IdOf(remembered.Source, configuredSource), Remembered: true);
        }

        return new DatasetSelection(configuredSource, IdOf(configuredSource, configuredSource), Remembered: false);
    }

    /// <summary>
    /// A folder name for <paramref name="source"/>: <c>sample</c>; <c>official</c> for the configured archive's URL;
    /// else the file name without extension, lowercased, other characters as '-' (e.g. <c>flipkart-1050</c>).
    /// </summary>
    public static string IdOf(string source, string configuredSource)
    {
        if (source.Equals(SampleId, StringComparison.OrdinalIgnoreCase))
        {
            return SampleId;
        }

        var isUrl = source.Contains("://", StringComparison.Ordinal);
        if (isUrl && source == configuredSource)
        {
            return "official";
        }

        var name = Path.GetFileNameWithoutExtension(isUrl ? Uri.UnescapeDataString(new Uri(source).AbsolutePath) : source);
        var id = new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]).Trim('-', '.');
        return id.Length == 0 || id == SampleId ? "dataset" : id;
    }

    /// <summary>Remembers this dataset for the next run without <c>--dataset</c>.</summary>
    public void Remember(Workspace workspace) =>
        AtomicFile.WriteAllText(workspace.Resolve(MemoryFile), JsonSerializer.Serialize(new Memory { Source = Source }) + "\n");

    /// <summary>The source as the run summary shows it: a URL without credentials or query.</summary>
    public string PublicSource =>
        Uri.TryCreate(Source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new UriBuilder(uri) { UserName = "", Password = "", Query = "" }.Uri.ToString()
            : Source;

    private sealed class Memory
    {
        public string Source { get; set; } = "";
    }
}
