namespace PlaceDeMarche.Pipeline.Core.Stages;

/// <summary>
/// A per-item stage that can run on one shard of the items (<see cref="ShardedStage"/>): its <see cref="IStage.Run"/>
/// keeps only the items of <see cref="StageContext.Shard"/> (or reads inputs that are already shard parts) and
/// writes its usual tables with those rows only; <see cref="MergeShards"/> writes the unsharded outputs from the parts
/// of all shards, byte for byte what one run over every item writes.
/// </summary>
public interface IShardableStage : IStage
{
    /// <summary>
    /// What a shard writes, as parts: the stage's outputs, or, for a stage whose outputs need every item (a vocabulary
    /// fitted on all photos), a record of the per-item work the shard did.
    /// </summary>
    IReadOnlyList<string> ShardOutputs => Outputs;

    /// <summary>Writes the stage's outputs (in the canonical item order) and metrics from the up-to-date parts of every shard.</summary>
    void MergeShards(StageContext context, ShardParts parts);
}
