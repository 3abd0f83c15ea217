using PlaceDeMarche.Pipeline.Collection.Http;
using PlaceDeMarche.Pipeline.Collection.Stages;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

/// <summary>The Collect stage in a temporary workspace, configured by a <c>collect:</c> section, and its artifacts.</summary>
internal sealed class CollectStageHarness(IClock clock) : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("pdm-collect-stage-").FullName;

    public RecordingLog Log { get; private set; } = new();

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <param name="extra">More <c>collect:</c> keys, each line indented by two spaces.</param>
    public (CollectStage Stage, StageContext Context) Stage(string baseUrl, string extra = "")
    {
        var stage = new CollectStage(clock, _ => null);
        var configuration = PipelineConfiguration.Parse($"""
            collect:
              base_url: "{baseUrl}"
              contact: research@example.org
              page_size: 2
            {extra}
            """, "test.yaml");
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
