using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Execution;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Core.Tests.Fakes;

namespace PlaceDeMarche.Pipeline.Core.Tests.Execution;

/// <summary>Scheduling of a target's closure on the diamond A -> (B, C) -> D, plus an unrelated stage E.</summary>
public sealed class PipelineRunnerTests : IDisposable
{
    private const string A = "data/artifacts/a/a.txt";
    private const string B = "data/artifacts/b/b.txt";
    private const string C = "data/artifacts/c/c.txt";
    private const string D = "data/artifacts/d/d.txt";
    private const string E = "data/artifacts/e/e.txt";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TemporaryWorkspace workspace = new();
    private readonly FakeStage stageA = new("A", "a", [], [A]);
    private readonly FakeStage stageB = new("B", "b", [A], [B]);
    private readonly FakeStage stageC = new("C", "c", [A], [C]);
    private readonly FakeStage stageD = new("D", "d", [B, C], [D]);
    private readonly FakeStage stageE = new("E", "e", [], [E]);
    private readonly RunLog runLog;

    public PipelineRunnerTests()
    {
        runLog = new RunLog(workspace.Workspace, "test-run");
    }

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void IndependentStagesRunSideBySide()
    {
        // B only finishes once C has started: run one after the other, B would give up waiting.
        using var cStarted = new ManualResetEventSlim();
        var bSawC = false;
        stageC.Body = (context, parameters) =>
        {
            cStarted.Set();
            Write(context, C, "c");
        };
        stageB.Body = (context, parameters) =>
        {
            bSawC = cStarted.Wait(Patience);
            Write(context, B, "b");
        };

        var outcomes = Runner().RunTarget("D", force: false, maxParallelStages: 2);

        Assert.True(bSawC);
        Assert.Equal(["A", "B", "C", "D"], outcomes.Select(o => o.Stage));
        Assert.All(outcomes, o => Assert.Equal(StageStatus.Ran, o.Status));
        Assert.Equal(["A", "B", "C", "D"], runLog.Read().Select(o => o.Stage).Order());
    }

    [Fact]
    public void AStageStartsOnlyAfterEveryStageItReadsFrom()
    {
        var finished = new List<string>();
        var gate = new Lock();
        foreach (var stage in new[] { stageA, stageB, stageC })
        {
            var inner = stage.Body;
            stage.Body = (context, parameters) =>
            {
                Thread.Sleep(stage == stageB ? 200 : 0);
                inner(context, parameters);
                lock (gate)
                {
                    finished.Add(stage.Name);
                }
            };
        }

        stageD.Body = (context, parameters) =>
        {
            lock (gate)
            {
                Assert.Equal(["A", "B", "C"], finished.Order());
            }

            Write(context, D, "d");
        };

        Runner().RunTarget("D", force: false, maxParallelStages: 2);

        Assert.Equal(1, stageD.Runs);
    }

    [Fact]
    public void OnlyTheTargetsClosureRuns()
    {
        Runner().RunTarget("B", force: false, maxParallelStages: 4);

        Assert.Equal([1, 1, 0, 0, 0], new[] { stageA, stageB, stageC, stageD, stageE }.Select(s => s.Runs));
    }

    [Fact]
    public void AFailureStopsNewStagesLetsRunningOnesFinishAndIsRethrown()
    {
        using var bStarted = new ManualResetEventSlim();
        stageB.Body = (context, parameters) =>
        {
            bStarted.Set();
            Thread.Sleep(200);
            Write(context, B, "b");
        };
        stageC.Body = (_, _) =>
        {
            bStarted.Wait(Patience);
            throw new InvalidOperationException("C broke");
        };

        var error = Assert.Throws<InvalidOperationException>(() => Runner().RunTarget("D", force: false, maxParallelStages: 2));

        Assert.Equal("C broke", error.Message);
        Assert.Equal(0, stageD.Runs);
        Assert.True(File.Exists(Path.Combine(workspace.Root, B)));
        Assert.Contains(runLog.Read(), o => o.Stage == "C" && o.Status == StageStatus.Failed);
        Assert.Contains(runLog.Read(), o => o.Stage == "B" && o.Status == StageStatus.Ran);
    }

    [Fact]
    public void OneStageAtATimeGivesTheDependencyOrder()
    {
        var outcomes = Runner().RunTarget("D", force: false);

        Assert.Equal(["A", "B", "C", "D"], runLog.Read().Select(o => o.Stage));
        Assert.Equal(outcomes.Select(o => o.Stage), runLog.Read().Select(o => o.Stage));
    }

    private static void Write(StageContext context, string artifact, string content)
    {
        var path = context.OutputPath(artifact);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private PipelineRunner Runner()
    {
        var graph = new StageGraph([stageD, stageE, stageC, stageB, stageA]);
        var configuration = PipelineConfiguration.Parse("a: {value: 0}\nb: {value: 0}\nc: {value: 0}\nd: {value: 0}\ne: {value: 0}\n", "test.yaml");
        var log = new RecordingLog();
        return new PipelineRunner(graph, new StageRunner(graph, workspace.Workspace, configuration, log), runLog, log);
    }
}
