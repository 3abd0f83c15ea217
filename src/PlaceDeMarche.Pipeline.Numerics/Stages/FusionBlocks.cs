using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>
/// The representations a fusion takes, read and aligned on the products every one of them has (image tables only
/// hold products with a usable photo). Each block's share: the groups share the variance equally, and so do the
/// blocks of a group.
/// </summary>
public sealed record FusionBlocks(
    string[] Ids,
    string[] Categories,
    IReadOnlyList<(string Group, ScoredRepresentation Representation, float[][] Rows, double Share)> Blocks)
{
    /// <param name="readFeatures">Reads a representation's feature table (its stage's declared input).</param>
    public static FusionBlocks Select(FusionParameters parameters, IReadOnlyList<ScoredRepresentation> candidates, Func<ScoredRepresentation, FeatureTable> readFeatures)
    {
        if (parameters.Groups.Count == 0)
        {
            throw new ArgumentException("A fusion needs at least one group (its `groups:` list in pipeline.yaml is empty).");
        }

        var chosen = new List<(string Group, ScoredRepresentation Representation, FeatureTable Table)>();
        foreach (var group in parameters.Groups)
        {
            var members = Ran(group, group.Members, candidates, readFeatures);
            chosen.AddRange((members.Count > 0 ? members : Ran(group, group.Fallback, candidates, readFeatures)).Select(m => (group.Name, m.Representation, m.Table)));
        }

        if (chosen.Count == 0)
        {
            return new FusionBlocks([], [], []);
        }

        var groups = chosen.Select(c => c.Group).Distinct().ToArray();
        var common = chosen.Skip(1).Aggregate(
            chosen[0].Table.Ids.ToHashSet(StringComparer.Ordinal),
            (ids, block) => { ids.IntersectWith(block.Table.Ids); return ids; });
        var first = chosen[0].Table;
        var order = Enumerable.Range(0, first.Ids.Length).Where(i => common.Contains(first.Ids[i])).ToArray();
        var ids = order.Select(i => first.Ids[i]).ToArray();
        var blocks = chosen.Select(c =>
        {
            var row = c.Table.Ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
            var groupSize = chosen.Count(o => o.Group == c.Group);
            return (c.Group, c.Representation, ids.Select(id => c.Table.Vectors[row[id]]).ToArray(), 1.0 / (groups.Length * groupSize));
        }).ToArray();
        return new FusionBlocks(ids, order.Select(i => first.Categories[i]).ToArray(), blocks);
    }

    /// <summary>The blocks' shares, keyed <c>&lt;group&gt;:&lt;family&gt;.&lt;method&gt;</c>, for the blocks table.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Shares() =>
        Blocks.Select(b => new KeyValuePair<string, double>($"{b.Group}:{b.Representation.Family}.{b.Representation.Method}", b.Share)).ToArray();

    private static List<(ScoredRepresentation Representation, FeatureTable Table)> Ran(
        FusionGroup group, IReadOnlyList<string> patterns, IReadOnlyList<ScoredRepresentation> candidates, Func<ScoredRepresentation, FeatureTable> readFeatures) =>
        candidates
            .Where(r => r.Family == group.Family && patterns.Any(p => Matches(p, r.Method)))
            .Select(r => (r, readFeatures(r)))
            .Where(c => c.Item2.Vectors.Length > 0)
            .ToList();

    /// <summary>Exact method name, or a prefix when the pattern ends with <c>*</c>.</summary>
    public static bool Matches(string pattern, string method) =>
        pattern.EndsWith('*') ? method.StartsWith(pattern[..^1], StringComparison.Ordinal) : pattern == method;
}
