using PlaceDeMarche.Pipeline.Core.Configuration;

namespace PlaceDeMarche.Pipeline.Core.Stages;

/// <summary>
/// One shard of a per-item stage: the same code, parameters and external inputs, reading the parts of the sharded
/// stages it depends on and writing its outputs as parts (<see cref="Shard.PartPath"/>). Its own name, hence its own
/// manifest and fingerprint, so each shard is cached apart and a rerun with nothing changed is skipped.
/// </summary>
public sealed class ShardedStage : IStage
{
    private readonly IReadOnlySet<string> partitioned;

    /// <param name="partitioned">What every shardable stage writes by shard: read and written as parts by a shard.</param>
    public ShardedStage(IShardableStage inner, Shard shard, IReadOnlySet<string> partitioned)
    {
        Inner = inner;
        Shard = shard;
        this.partitioned = partitioned;
        Name = NameOf(inner.Name, shard);
        Inputs = inner.Inputs.Select(Translate).ToArray();
        Outputs = inner.ShardOutputs.Select(shard.PartPath).ToArray();
    }

    public IShardableStage Inner { get; }

    public Shard Shard { get; }

    public string Name { get; }

    public string Description => $"{Inner.Description} (shard {Shard.Label})";

    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyList<string> Outputs { get; }

    /// <summary>The name of shard <paramref name="shard"/> of the stage <paramref name="stage"/>, e.g. <c>ImagePreprocess.shard-0-of-2</c>.</summary>
    public static string NameOf(string stage, Shard shard) => $"{stage}.shard-{shard.Index}-of-{shard.Count}";

    /// <summary>The path this shard reads or writes for the unsharded artifact path <paramref name="artifactPath"/>.</summary>
    public string Translate(string artifactPath) => partitioned.Contains(artifactPath) ? Shard.PartPath(artifactPath) : artifactPath;

    public object BindParameters(PipelineConfiguration configuration) => Inner.BindParameters(configuration);

    public IReadOnlyDictionary<string, string> ResolveExternalInputs(StageContext context) => Inner.ResolveExternalInputs(context);

    public void Run(StageContext context) => Inner.Run(context);
}
