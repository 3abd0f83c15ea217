using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>
/// Runs a target stage and everything it needs in one process, recording each outcome in the run log. Cake runs
/// stages one task at a time instead; both go through <see cref="StageRunner"/>, so caching behaves the same.
/// </summary>
public sealed class PipelineRunner
{
    private readonly StageGraph graph;
    private readonly StageRunner runner;
    private readonly RunLog runLog;
    private readonly IPipelineLog log;

    public PipelineRunner(StageGraph graph, StageRunner runner, RunLog runLog, IPipelineLog log)
    {
        this.graph = graph;
        this.runner = runner;
        this.runLog = runLog;
        this.log = log;
    }

    public IReadOnlyList<StageOutcome> RunTarget(string target, bool force, CancellationToken cancellation = default)
    {
        var outcomes = new List<StageOutcome>();
        foreach (var stage in graph.ClosureOf(target))
        {
            outcomes.Add(RunStage(stage.Name, force, cancellation));
        }

        return outcomes;
    }

    /// <summary>Runs one stage; a failure is logged and recorded as failed before it propagates.</summary>
    public StageOutcome RunStage(string stage, bool force, CancellationToken cancellation = default)
    {
        var started = DateTime.UtcNow;
        try
        {
            var outcome = runner.Run(stage, force, cancellation);
            runLog.Append(outcome);
            return outcome;
        }
        catch (Exception e)
        {
            runLog.Append(new StageOutcome(stage, StageStatus.Failed, (DateTime.UtcNow - started).TotalSeconds, e.Message));
            log.Error($"[{stage}] {e.Message}");
            throw;
        }
    }
}
