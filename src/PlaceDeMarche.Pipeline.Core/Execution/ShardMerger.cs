using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>
/// <c>merge-shards n</c>: writes the unsharded artifacts of the per-item stages from the parts of their n shards, in
/// dependency order, each through the stage's own fingerprint and manifest (<see cref="StageRunner.Run"/> with the
/// merge in place of the run). A stage already up to date is skipped like in any run; otherwise every one of its n
/// shards must be up to date with the present code, parameters and inputs, or the merge stops and names the shard.
/// The rest of the study then runs unchanged, finding these stages up to date.
/// </summary>
public sealed class ShardMerger
{
    private readonly StageGraph graph;
    private readonly StageRunner runner;
    private readonly Func<StageGraph, StageRunner> runnerFor;
    private readonly Workspace workspace;
    private readonly IPipelineLog log;

    /// <param name="runner">Runs the unsharded stages of <paramref name="graph"/>.</param>
    /// <param name="runnerFor">A stage runner over a graph with shards (<see cref="StageGraph.WithShard"/>), to check each shard.</param>
    public ShardMerger(StageGraph graph, StageRunner runner, Func<StageGraph, StageRunner> runnerFor, Workspace workspace, IPipelineLog log)
    {
        this.graph = graph;
        this.runner = runner;
        this.runnerFor = runnerFor;
        this.workspace = workspace;
        this.log = log;
    }

    /// <summary>Merges the shards of the per-item stages among <paramref name="targets"/> and the stages they need.</summary>
    public IReadOnlyList<StageOutcome> Merge(int count, IReadOnlyList<string> targets, bool force)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var stages = graph.ClosureOf(targets).OfType<IShardableStage>().ToArray();

        var shardRunners = Enumerable.Range(0, count).Select(i => runnerFor(graph.WithShard(new Shard(i, count)))).ToArray();
        var outcomes = new List<StageOutcome>();
        foreach (var stage in stages)
        {
            try
            {
                // The shards are checked before the stage's manifest is touched: a merge refused leaves the stage as it was.
                var parts = force || runner.StaleReason(stage.Name) is not null ? UpToDateParts(stage, shardRunners) : null;
                outcomes.Add(runner.Run(stage.Name, force, produce: context => stage.MergeShards(context, parts ?? UpToDateParts(stage, shardRunners))));
            }
            catch (Exception e)
            {
                log.Error($"[{stage.Name}] {e.Message}");
                throw;
            }
        }

        var merged = outcomes.Count(o => o.Status == StageStatus.Ran);
        log.Info($"{stages.Length} per-item stages: {merged} merged from {count} shard{(count > 1 ? "s" : "")}, {stages.Length - merged} up to date");
        return outcomes;
    }

    /// <summary>The parts of every shard of <paramref name="stage"/>, each shard being up to date, else an error naming it.</summary>
    private ShardParts UpToDateParts(IShardableStage stage, IReadOnlyList<StageRunner> shardRunners)
    {
        var metrics = shardRunners.Select((shardRunner, i) =>
        {
            var shard = new Shard(i, shardRunners.Count);
            var name = ShardedStage.NameOf(stage.Name, shard);
            var stale = shardRunner.StaleReason(name);
            return stale is null
                ? shardRunner.LastMetrics(name)!
                : throw new InvalidOperationException(
                    $"shard {shard.Label} is not up to date ({stale}); run `placedemarche-pipeline run --shard {shard.Label}` first.");
        }).ToArray();
        return new ShardParts(workspace, metrics);
    }
}
