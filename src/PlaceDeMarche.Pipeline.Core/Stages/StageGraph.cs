namespace PlaceDeMarche.Pipeline.Core.Stages;

/// <summary>
/// The DAG of stages, derived from which stage produces each declared input. Cake builds its task graph from
/// this (via <c>graph</c> on the command line), so the dependencies exist in one place only.
/// </summary>
public sealed class StageGraph
{
    private readonly Dictionary<string, IStage> byName;
    private readonly Dictionary<string, IStage> producers;

    public StageGraph(IEnumerable<IStage> stages)
    {
        Stages = stages.ToArray();
        byName = new Dictionary<string, IStage>(StringComparer.OrdinalIgnoreCase);
        producers = new Dictionary<string, IStage>(StringComparer.Ordinal);
        foreach (var stage in Stages)
        {
            if (!byName.TryAdd(stage.Name, stage))
            {
                throw new InvalidOperationException($"Two stages are named '{stage.Name}'.");
            }

            foreach (var output in stage.Outputs)
            {
                if (!producers.TryAdd(output, stage))
                {
                    throw new InvalidOperationException($"Output '{output}' is declared by both {producers[output].Name} and {stage.Name}.");
                }
            }
        }

        foreach (var stage in Stages)
        {
            foreach (var input in stage.Inputs)
            {
                if (!producers.ContainsKey(input))
                {
                    throw new InvalidOperationException($"Stage {stage.Name} reads '{input}', which no stage produces.");
                }
            }
        }

        TopologicalOrder = Sort();
    }

    public IReadOnlyList<IStage> Stages { get; }

    /// <summary>All stages, each after the stages it depends on (ties in declaration order).</summary>
    public IReadOnlyList<IStage> TopologicalOrder { get; }

    public IStage Get(string name) =>
        byName.TryGetValue(name, out var stage)
            ? stage
            : throw new ArgumentException($"Unknown stage '{name}'. Known stages: {string.Join(", ", Stages.Select(s => s.Name))}.");

    public IStage ProducerOf(string artifactPath) => producers[artifactPath];

    /// <summary>
    /// This graph plus shard <paramref name="shard"/> of every per-item stage (<see cref="ShardedStage"/>), reading
    /// each other's parts; the unsharded stages stay, so a shard's closure also holds the stages it needs (Ingest...).
    /// </summary>
    public StageGraph WithShard(Shard shard)
    {
        var shardable = Stages.OfType<IShardableStage>().ToArray();
        var partitioned = shardable.SelectMany(s => s.ShardOutputs).ToHashSet(StringComparer.Ordinal);
        return new StageGraph([.. Stages, .. shardable.Select(s => new ShardedStage(s, shard, partitioned))]);
    }

    /// <summary>The stages <paramref name="stage"/> reads from directly, in declaration order, without repeats.</summary>
    public IReadOnlyList<IStage> DependenciesOf(IStage stage) =>
        stage.Inputs.Select(input => producers[input]).Distinct().ToArray();

    /// <summary>The stage and everything it needs, in an order that runs dependencies first.</summary>
    public IReadOnlyList<IStage> ClosureOf(string name) => ClosureOf([name]);

    /// <summary>The stages and everything they need, in an order that runs dependencies first.</summary>
    public IReadOnlyList<IStage> ClosureOf(IEnumerable<string> names)
    {
        var needed = new HashSet<IStage>();
        var pending = new Stack<IStage>(names.Select(Get));
        while (pending.TryPop(out var stage))
        {
            if (needed.Add(stage))
            {
                foreach (var dependency in DependenciesOf(stage))
                {
                    pending.Push(dependency);
                }
            }
        }

        return TopologicalOrder.Where(needed.Contains).ToArray();
    }

    private IReadOnlyList<IStage> Sort()
    {
        var order = new List<IStage>();
        var state = new Dictionary<IStage, bool>(); // false: on the current path, true: done
        foreach (var stage in Stages)
        {
            Visit(stage, state, order, []);
        }

        return order;
    }

    private void Visit(IStage stage, Dictionary<IStage, bool> state, List<IStage> order, List<string> path)
    {
        if (state.TryGetValue(stage, out var done))
        {
            if (!done)
            {
                throw new InvalidOperationException($"The stages form a cycle: {string.Join(" -> ", path)} -> {stage.Name}.");
            }

            return;
        }

        state[stage] = false;
        path.Add(stage.Name);
        foreach (var dependency in DependenciesOf(stage))
        {
            Visit(dependency, state, order, path);
        }

        path.RemoveAt(path.Count - 1);
        state[stage] = true;
        order.Add(stage);
    }
}
