using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Execution;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Core.Tests.Fakes;

namespace PlaceDeMarche.Pipeline.Core.Tests.Execution;

/// <summary>
/// The cache rules on a diamond A -> (B, C) -> D: a stage reruns exactly when its code, its parameters or its
/// inputs' content changed, or its outputs were damaged.
/// </summary>
public sealed class StageRunnerTests : IDisposable
{
    private const string A = "data/artifacts/a/a.txt";
    private const string B = "data/artifacts/b/b.txt";
    private const string C = "data/artifacts/c/c.txt";
    private const string D = "data/artifacts/d/d.txt";

    private readonly TemporaryWorkspace workspace = new();
    private readonly FakeStage stageA = new("A", "a", [], [A]);
    private readonly FakeStage stageB = new("B", "b", [A], [B]);
    private readonly FakeStage stageC = new("C", "c", [A], [C]);
    private readonly FakeStage stageD = new("D", "d", [B, C], [D]);
    private readonly StageGraph graph;

    public StageRunnerTests()
    {
        graph = new StageGraph([stageD, stageC, stageB, stageA]);
    }

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void FirstRunRunsEverythingAndSecondRunNothing()
    {
        Assert.All(RunAll(Config()), o => Assert.Equal(StageStatus.Ran, o.Status));
        Assert.All(RunAll(Config()), o => Assert.Equal(StageStatus.UpToDate, o.Status));
        Assert.Equal("D:0:B:0:A:0:C:0:A:0:", File.ReadAllText(Path.Combine(workspace.Root, D)));
    }

    [Fact]
    public void ChangingOneParameterRerunsThatStageAndItsDependentsOnly()
    {
        RunAll(Config());

        var outcomes = RunAll(Config(b: 5));

        Assert.Equal(["B", "D"], Ran(outcomes));
        Assert.Contains("parameters changed", outcomes.Single(o => o.Stage == "B").Reason);
        Assert.Contains("input changed", outcomes.Single(o => o.Stage == "D").Reason);
    }

    [Fact]
    public void ARerunThatProducesIdenticalOutputsStopsThePropagation()
    {
        RunAll(Config());

        var outcomes = RunAll(Config(aUnused: 7));

        Assert.Equal(["A"], Ran(outcomes));
    }

    [Fact]
    public void ForceRerunsEveryStage()
    {
        RunAll(Config());

        Assert.Equal(["A", "B", "C", "D"], Ran(RunAll(Config(), force: true)));
    }

    [Fact]
    public void DeletedOutputRerunsItsStage()
    {
        RunAll(Config());
        File.Delete(Path.Combine(workspace.Root, D));

        var outcomes = RunAll(Config());

        Assert.Equal(["D"], Ran(outcomes));
        Assert.Contains("missing", outcomes.Single(o => o.Stage == "D").Reason);
    }

    [Fact]
    public void EditedOutputIsDetectedEvenWithTheSameSize()
    {
        RunAll(Config());
        var path = Path.Combine(workspace.Root, A);
        File.WriteAllText(path, File.ReadAllText(path).Replace('A', 'X'));

        var outcomes = RunAll(Config());

        Assert.Equal(["A"], Ran(outcomes));
        Assert.Contains("modified", outcomes.Single(o => o.Stage == "A").Reason);
    }

    [Fact]
    public void TouchedButUnchangedOutputIsStillUpToDate()
    {
        RunAll(Config());
        File.SetLastWriteTimeUtc(Path.Combine(workspace.Root, B), DateTime.UtcNow.AddMinutes(5));

        Assert.Empty(Ran(RunAll(Config())));
    }

    [Fact]
    public void FailedStageLeavesNoManifestAndRunsAgainNextTime()
    {
        RunAll(Config());
        stageB.Body = (_, _) => throw new InvalidOperationException("boom");
        var runner = Runner(Config(b: 1));

        Assert.Throws<InvalidOperationException>(() => runner.Run("B", force: false));
        Assert.Null(new ManifestStore(workspace.Workspace).Load("B"));

        stageB.Body = (context, _) => File.WriteAllText(context.OutputPath(B), "fixed");
        Assert.Equal(StageStatus.Ran, runner.Run("B", force: false).Status);
    }

    [Fact]
    public void StageWhoseInputWasNeverProducedSaysWhichStageToRun()
    {
        var error = Assert.Throws<StageInputException>(() => Runner(Config()).Run("B", force: false));

        Assert.Contains("--target=A", error.Message);
    }

    [Fact]
    public void FolderOutputsAreVerifiedFileByFile()
    {
        var folder = new FakeStage("F", "f", [], ["data/artifacts/f/"]);
        folder.Body = (context, _) =>
        {
            var path = context.OutputPath("data/artifacts/f/");
            Directory.CreateDirectory(path);
            File.WriteAllText(Path.Combine(path, "one.txt"), "1");
        };
        var runner = new StageRunner(new StageGraph([folder]), workspace.Workspace, Config(), new RecordingLog());
        runner.Run("F", force: false);
        Assert.Equal(StageStatus.UpToDate, runner.Run("F", force: false).Status);

        File.WriteAllText(Path.Combine(workspace.Root, "data/artifacts/f/two.txt"), "2");

        Assert.Equal(StageStatus.Ran, runner.Run("F", force: false).Status);
    }

    private static PipelineConfiguration Config(int b = 0, int aUnused = 0) =>
        PipelineConfiguration.Parse($"a: {{value: 0, unused: {aUnused}}}\nb: {{value: {b}}}\nc: {{value: 0}}\nd: {{value: 0}}\nf: {{value: 0}}\n", "test.yaml");

    private StageRunner Runner(PipelineConfiguration configuration) =>
        new(graph, workspace.Workspace, configuration, new RecordingLog());

    private List<StageOutcome> RunAll(PipelineConfiguration configuration, bool force = false)
    {
        var runner = Runner(configuration);
        return graph.TopologicalOrder.Select(stage => runner.Run(stage.Name, force)).ToList();
    }

    private static string[] Ran(IEnumerable<StageOutcome> outcomes) =>
        outcomes.Where(o => o.Status == StageStatus.Ran).Select(o => o.Stage).Order().ToArray();
}
