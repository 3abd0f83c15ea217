using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Execution;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Core.Tests.Fakes;

namespace PlaceDeMarche.Pipeline.Core.Tests.Execution;

/// <summary>What a person sees in the console while A -> B -> C run: a counter per stage, a heartbeat with the
/// items done, and up-to-date stages collapsed into one count.</summary>
public sealed class ProgressLogTests : IDisposable
{
    private const string A = "data/artifacts/a/a.txt";
    private const string B = "data/artifacts/b/b.txt";
    private const string C = "data/artifacts/c/c.txt";

    private readonly TemporaryWorkspace workspace = new();
    private readonly FakeStage stageA = new("A", "a", [], [A]);
    private readonly FakeStage stageB = new("B", "b", [A], [B]);
    private readonly FakeStage stageC = new("C", "c", [B], [C]);
    private readonly RecordingLog log = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void EachStageThatRunsShowsWhereItStandsAndTheRunEndsWithACount()
    {
        Runner(TimeSpan.FromHours(1)).RunTarget("C", force: false);

        Assert.Contains("[1/3 A] running (no previous run)", log.Lines);
        Assert.Contains("[3/3 C] running (no previous run)", log.Lines);
        Assert.Contains(log.Lines, line => line.StartsWith("[2/3 B] done in ", StringComparison.Ordinal));
        Assert.Matches(@"^3 stages in [0-9.]+ s: 3 ran, 0 up to date$", log.Lines[^1]);
    }

    [Fact]
    public void UpToDateStagesAreCountedNotListed()
    {
        Runner(TimeSpan.FromHours(1)).RunTarget("C", force: false);
        var before = log.Lines.Count;

        Runner(TimeSpan.FromHours(1)).RunTarget("C", force: false);

        var second = log.Lines.Skip(before).ToArray();
        Assert.Single(second);
        Assert.Matches(@"^3 stages in [0-9.]+ s: 0 ran, 3 up to date$", second[0]);
    }

    [Fact]
    public void TheHeartbeatSaysWhatALongStageHasDone()
    {
        using var seen = new ManualResetEventSlim();
        stageB.Body = (context, parameters) =>
        {
            context.Progress.Start(10, "photos");
            for (var i = 0; i < 3; i++)
            {
                context.Progress.Advance();
            }

            // Wait (bounded) until a heartbeat has reported the three photos.
            for (var waited = 0; waited < 400 && !log.Lines.Any(l => l.StartsWith("... B: 3/10 photos, ", StringComparison.Ordinal)); waited++)
            {
                Thread.Sleep(50);
            }

            var output = context.OutputPath(B);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.WriteAllText(output, "b");
        };

        Runner(TimeSpan.FromMilliseconds(20)).RunTarget("C", force: false);

        Assert.Contains(log.Lines, l => l.StartsWith("... B: 3/10 photos, ", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, l => l.StartsWith("... A", StringComparison.Ordinal) && l.Contains("photos", StringComparison.Ordinal));
    }

    private PipelineRunner Runner(TimeSpan heartbeat)
    {
        var graph = new StageGraph([stageA, stageB, stageC]);
        var configuration = PipelineConfiguration.Parse("a: {value: 0}\nb: {value: 0}\nc: {value: 0}\n", "test.yaml");
        return new PipelineRunner(graph, new StageRunner(graph, workspace.Workspace, configuration, log), new RunLog(workspace.Workspace, "progress"), log, heartbeat);
    }
}
