using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Execution;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Core.Tests.Fakes;

namespace PlaceDeMarche.Pipeline.Core.Tests.Execution;

/// <summary>
/// The summary publishes only current metrics: stage A feeds B, and E is unrelated. Each stage publishes a metric
/// named after it and its parameter, so a stale value is recognisable.
/// </summary>
public sealed class RunSummaryWriterTests : IDisposable
{
    private const string A = "data/artifacts/a/a.txt";
    private const string B = "data/artifacts/b/b.txt";
    private const string E = "data/artifacts/e/e.txt";

    private readonly TemporaryWorkspace workspace = new();
    private readonly FakeStage stageA = new("A", "a", [], [A]);
    private readonly FakeStage stageB = new("B", "b", [A], [B]);
    private readonly FakeStage stageE = new("E", "e", [], [E]);

    public RunSummaryWriterTests()
    {
        foreach (var stage in new[] { stageA, stageB, stageE })
        {
            var write = stage.Body;
            stage.Body = (context, parameters) =>
            {
                write(context, parameters);
                context.PublishMetric($"{stage.Name.ToLowerInvariant()}.value", parameters.Value);
            };
        }
    }

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void AfterAFullRunEveryMetricIsPublished()
    {
        var summary = Run("first", Config(a: 1, e: 1), targets: ["B", "E"]);

        Assert.Equal(1, (int)summary["metrics"]!["a.value"]!);
        Assert.Equal(1, (int)summary["metrics"]!["e.value"]!);
        Assert.Empty(summary["stale"]!.AsArray());
    }

    [Fact]
    public void AStageLeftOutOfTheRunIsPublishedWhileItIsStillUpToDate()
    {
        Run("first", Config(a: 1, e: 1), targets: ["B", "E"]);

        var summary = Run("second", Config(a: 1, e: 1), targets: ["B"]);

        Assert.Equal(1, (int)summary["metrics"]!["e.value"]!);
        Assert.DoesNotContain(summary["stages"]!.AsArray(), s => (string)s!["name"]! == "E");
    }

    [Fact]
    public void EditingAParameterOfAStageLeftOutOfTheRunWithdrawsItsMetricsAndSaysHowToRefreshThem()
    {
        Run("first", Config(a: 1, e: 1), targets: ["B", "E"]);

        var summary = Run("second", Config(a: 1, e: 2), targets: ["B"]);

        Assert.Null(summary["metrics"]!["e.value"]);
        Assert.NotNull(summary["metrics"]!["b.value"]);
        var stale = Assert.Single(summary["stale"]!.AsArray());
        Assert.Equal("E", (string)stale!["stage"]!);
        Assert.Equal("parameters changed", (string)stale["reason"]!);
        Assert.Equal("dotnet cake --target=E", (string)stale["refresh"]!);
    }

    [Fact]
    public void AStageWhoseInputChangedIsStaleEvenThoughItsOwnParametersDidNot()
    {
        Run("first", Config(a: 1, e: 1), targets: ["B", "E"]);

        var summary = Run("second", Config(a: 2, e: 1), targets: ["A"]);

        Assert.Equal(2, (int)summary["metrics"]!["a.value"]!);
        Assert.Null(summary["metrics"]!["b.value"]);
        var stale = Assert.Single(summary["stale"]!.AsArray());
        Assert.Equal("B", (string)stale!["stage"]!);
        Assert.StartsWith("input changed", (string)stale["reason"]!);
    }

    private static readonly RunDescription Description = new("demo", "/data/demo.zip", new string('c', 64), new string('d', 40), new DateTimeOffset(2026, 12, 6, 7, 4, 26, TimeSpan.Zero));

    [Fact]
    public void TheSummarySaysWhichRunDatasetConfigurationAndCodeItDescribes()
    {
        var summary = Run("20261206T070426Z-abcdef", Config(a: 1, e: 1), targets: ["E"]);

        Assert.Equal(RunSummaryWriter.SchemaVersion, (int)summary["schemaVersion"]!);
        Assert.Equal("20261206T070426Z-abcdef", (string)summary["runId"]!);
        Assert.Equal("2026-12-06T07:04:26Z", (string)summary["startedAt"]!);
        Assert.True(DateTime.Parse((string)summary["finishedAt"]!, System.Globalization.CultureInfo.InvariantCulture) >= new DateTime(2026, 12, 6));
        Assert.Equal(new string('d', 40), (string)summary["commit"]!);
        Assert.Equal(new string('c', 64), (string)summary["configurationSha256"]!);
        Assert.Equal("demo", (string)summary["dataset"]!["id"]!);
        Assert.Equal("/data/demo.zip", (string)summary["dataset"]!["source"]!);
        Assert.Null(summary["verdict"]);
        Assert.Equal("reports/run-summary.json", (string)summary["outputs"]!["summary"]!);
        Assert.Equal("data/artifacts", (string)summary["outputs"]!["artifacts"]!);
        Assert.Empty(summary["outputs"]!["reports"]!.AsArray());
    }

    private static PipelineConfiguration Config(int a, int e) =>
        PipelineConfiguration.Parse($"a: {{value: {a}}}\nb: {{value: 0}}\ne: {{value: {e}}}\n", "test.yaml");

    private JsonObject Run(string runId, PipelineConfiguration configuration, string[] targets)
    {
        var graph = new StageGraph([stageA, stageB, stageE]);
        var log = new RecordingLog();
        var runLog = new RunLog(workspace.Workspace, runId);
        var stageRunner = new StageRunner(graph, workspace.Workspace, configuration, log);
        new PipelineRunner(graph, stageRunner, runLog, log).RunTargets(targets, force: false, maxParallelStages: 1);
        return RunSummaryWriter.Write(workspace.Workspace, graph, runLog, succeeded: true, stageRunner.StaleReason, Description);
    }
}
