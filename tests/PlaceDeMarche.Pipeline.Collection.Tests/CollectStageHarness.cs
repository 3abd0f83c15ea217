using PlaceDeMarche.Pipeline.Collection.Http;
using PlaceDeMarche.Pipeline.Collection.Stages;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

/// <summary>The Collect stage in a temporary workspace, configured by the repository's pipeline.yaml with the test's <c>collect</c> settings, and its artifacts.</summary>
internal sealed class CollectStageHarness(IClock clock) : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("pdm-collect-stage-").FullName;

    public RecordingLog Log { get; private set; } = new();

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <param name="extra">More <c>collect:</c> settings, one <c>key: value</c> per line, over the repository's pipeline.yaml.</param>
    public (CollectStage Stage, StageContext Context) Stage(string baseUrl, string extra = "")
    {
        var stage = new CollectStage(clock, _ => null);
        // The repository's file with the test's lines in its collect section (lists included, which overrides cannot set).
        var lines = File.ReadAllLines(StudyConfiguration.Path);
        var section = Array.IndexOf(lines, "collect:");
        var settings = new[] { $"base_url: \"{baseUrl}\"", "contact: research@example.org", "page_size: 2" }
            .Concat(extra.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var setting in settings)
        {
            var key = setting[..(setting.IndexOf(':', StringComparison.Ordinal) + 1)];
            lines[Array.FindIndex(lines, section, line => line.StartsWith($"  {key}", StringComparison.Ordinal))] = $"  {setting}";
        }

        var configuration = PipelineConfiguration.Parse(string.Join('\n', lines), "test.yaml");
        var parameters = ((IStage)stage).BindParameters(configuration);
        Log = new RecordingLog();
        return (stage, new StageContext(stage, new Workspace(Root), parameters, Log, CancellationToken.None));
    }

    public static void Run(CollectStage stage, StageContext context) => ((IStage)stage).Run(context);

    public CollectionStatisticsRecord Statistics() =>
        CollectionStatisticsTable.Read(Path.Combine(Root, CollectionArtifactPaths.CollectionStatistics));

    public IReadOnlyList<CollectedProductRow> Collected() =>
        CollectedProductTable.Read(Path.Combine(Root, CollectionArtifactPaths.Collected));
}
