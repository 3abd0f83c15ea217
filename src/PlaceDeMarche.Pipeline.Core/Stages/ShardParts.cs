using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Artifacts;

namespace PlaceDeMarche.Pipeline.Core.Stages;

/// <summary>What a merge reads: the part files of every shard of one stage, and the metrics each shard published.</summary>
public sealed class ShardParts
{
    private readonly Workspace workspace;
    private readonly IReadOnlyList<IReadOnlyDictionary<string, JsonNode?>> metrics;

    /// <param name="metrics">The metrics each shard's run published, by shard index.</param>
    public ShardParts(Workspace workspace, IReadOnlyList<IReadOnlyDictionary<string, JsonNode?>> metrics)
    {
        this.workspace = workspace;
        this.metrics = metrics;
    }

    public int Count => metrics.Count;

    /// <summary>The part files of the artifact <paramref name="artifactPath"/>, by shard index.</summary>
    public IReadOnlyList<string> PathsOf(string artifactPath) =>
        Enumerable.Range(0, Count).Select(i => workspace.Resolve(new Shard(i, Count).PartPath(artifactPath))).ToArray();

    /// <summary>The sum over the shards of a count they published (items computed, reused...).</summary>
    public int Sum(string metric) => metrics.Sum(m => m.TryGetValue(metric, out var value) && value is not null ? (int)value : 0);

    /// <summary>The values the shards published for <paramref name="metric"/>, skipping shards that published none.</summary>
    public IReadOnlyList<JsonNode> Values(string metric) =>
        metrics.Select(m => m.GetValueOrDefault(metric)).OfType<JsonNode>().ToArray();

    /// <summary>The one value every shard published for <paramref name="metric"/> (a status, a model hash, a setting).</summary>
    /// <exception cref="InvalidDataException">The shards published different values, or none.</exception>
    public JsonNode Agreed(string metric)
    {
        var values = Values(metric).DistinctBy(v => v.ToJsonString()).ToArray();
        return values.Length == 1
            ? values[0].DeepClone()
            : throw new InvalidDataException(
                $"The shards published {(values.Length == 0 ? "nothing" : string.Join(", ", values.Select(v => v.ToJsonString())))} for {metric}: they ran with different inputs or on machines that differ; rerun them alike.");
    }

    /// <summary>
    /// The order that puts the rows of all parts (concatenated in shard order) in the unsharded run's order: by the
    /// position of their id in <paramref name="canonicalIds"/>, then by <paramref name="minor"/> (e.g. a copy index).
    /// </summary>
    /// <exception cref="InvalidDataException">A row's id is not among the canonical ids, or a row appears twice.</exception>
    public static int[] CanonicalOrder(IReadOnlyList<string> ids, IReadOnlyList<string> canonicalIds, IReadOnlyList<int>? minor = null)
    {
        var position = new Dictionary<string, int>(canonicalIds.Count, StringComparer.Ordinal);
        for (var i = 0; i < canonicalIds.Count; i++)
        {
            position.TryAdd(canonicalIds[i], i);
        }

        var keys = new (int Position, int Minor)[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            keys[i] = position.TryGetValue(ids[i], out var at)
                ? (at, minor?[i] ?? 0)
                : throw new InvalidDataException($"A shard part holds item '{ids[i]}', which the unsharded input does not: the parts are from other inputs; rerun the shards.");
        }

        var order = Enumerable.Range(0, ids.Count).OrderBy(i => keys[i]).ToArray();
        for (var i = 1; i < order.Length; i++)
        {
            if (keys[order[i]] == keys[order[i - 1]])
            {
                throw new InvalidDataException($"Item '{ids[order[i]]}' is in two shard parts: the parts were written with different shard counts; rerun the shards.");
            }
        }

        return order;
    }
}
