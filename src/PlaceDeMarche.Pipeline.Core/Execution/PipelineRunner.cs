using System.Runtime.ExceptionServices;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>
/// Runs a target stage and everything it needs in one process, starting each stage as soon as the stages it reads
/// from are done, several at a time: independent single-threaded stages (the embedding trainers) then share the
/// cores. Every stage is deterministic on its own, so the artifacts do not depend on the schedule.
/// </summary>
public sealed class PipelineRunner
{
    private readonly StageGraph graph;
    private readonly StageRunner runner;
    private readonly RunLog runLog;
    private readonly IPipelineLog log;
    private readonly TimeSpan heartbeat;

    /// <param name="heartbeat">How often the running stages' progress is printed (default 30 s).</param>
    public PipelineRunner(StageGraph graph, StageRunner runner, RunLog runLog, IPipelineLog log, TimeSpan? heartbeat = null)
    {
        this.graph = graph;
        this.runner = runner;
        this.runLog = runLog;
        this.log = log;
        this.heartbeat = heartbeat ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>Runs <paramref name="target"/> and everything it needs; see <see cref="RunTargets"/>.</summary>
    public IReadOnlyList<StageOutcome> RunTarget(string target, bool force, int maxParallelStages = 1, CancellationToken cancellation = default) =>
        RunTargets([target], force, maxParallelStages, cancellation);

    /// <summary>
    /// Runs the closure of <paramref name="targets"/> with at most <paramref name="maxParallelStages"/> stages at once.
    /// After a failure no new stage starts; the running ones finish, then the first failure is rethrown.
    /// </summary>
    /// <returns>The outcomes in dependency order.</returns>
    public IReadOnlyList<StageOutcome> RunTargets(IReadOnlyList<string> targets, bool force, int maxParallelStages = 1, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelStages, 1);
        var closure = graph.ClosureOf(targets);
        var position = closure.Select((stage, index) => (stage, index)).ToDictionary(p => p.stage, p => p.index);
        var waitingOn = closure.Select(stage => graph.DependenciesOf(stage).Count).ToArray();
        var dependents = closure.Select(_ => new List<int>()).ToArray();
        foreach (var stage in closure)
        {
            foreach (var dependency in graph.DependenciesOf(stage))
            {
                dependents[position[dependency]].Add(position[stage]);
            }
        }

        var ready = new SortedSet<int>(Enumerable.Range(0, closure.Count).Where(i => waitingOn[i] == 0));
        var running = new Dictionary<Task<StageOutcome>, int>();
        var outcomes = new StageOutcome?[closure.Count];
        ExceptionDispatchInfo? failure = null;
        var started = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var beat = new Timer(_ => Beat(), null, heartbeat, heartbeat);
        while (true)
        {
            while (failure is null && ready.Count > 0 && running.Count < maxParallelStages)
            {
                var next = ready.Min;
                ready.Remove(next);
                var name = closure[next].Name;
                var counter = $"{++started}/{closure.Count}";
                // A dedicated thread per stage: stages use the thread pool themselves (Parallel.For) and must not wait for it.
                running.Add(Task.Factory.StartNew(() => RunStage(name, force, cancellation, counter), cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default), next);
            }

            if (running.Count == 0)
            {
                break;
            }

            var finished = Task.WhenAny(running.Keys).GetAwaiter().GetResult();
            var index = running[finished];
            running.Remove(finished);
            if (!finished.IsCompletedSuccessfully)
            {
                failure ??= ExceptionDispatchInfo.Capture(finished.Exception?.InnerException ?? new OperationCanceledException(cancellation));
                continue;
            }

            outcomes[index] = finished.Result;
            foreach (var dependent in dependents[index])
            {
                if (--waitingOn[dependent] == 0)
                {
                    ready.Add(dependent);
                }
            }
        }

        failure?.Throw();
        var ran = outcomes.Count(o => o!.Status == StageStatus.Ran);
        log.Info($"{closure.Count} stages in {Duration.Format(clock.Elapsed)}: {ran} ran, {closure.Count - ran} up to date");
        return outcomes.Select(o => o!).ToArray();
    }

    /// <summary>Runs one stage; a failure is logged and recorded as failed before it propagates.</summary>
    /// <param name="counter">Where the stage stands in the run ("3/34"), for its log lines.</param>
    public StageOutcome RunStage(string stage, bool force, CancellationToken cancellation = default, string? counter = null)
    {
        var started = DateTime.UtcNow;
        try
        {
            var outcome = runner.Run(stage, force, cancellation, counter);
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

    /// <summary>A line per running stage: what it is doing and for how long (progress lines: silent in CI).</summary>
    private void Beat()
    {
        foreach (var line in runner.Board.Describe())
        {
            log.Progress($"... {line}");
        }
    }
}
