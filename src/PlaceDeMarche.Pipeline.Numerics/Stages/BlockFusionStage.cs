using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Numerics.Fusion;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>
/// Combines the representations a pipeline.yaml section names into one feature table (each block L2-normalised,
/// centred and scaled to its share of the variance; see <see cref="BlockFusion"/>), and optionally the naive
/// side-by-side concatenation of the same raw vectors, to be scored like any representation.
/// </summary>
public sealed class BlockFusionStage : Stage<FusionParameters>
{
    private readonly string section;
    private readonly IReadOnlyList<ScoredRepresentation> candidates;
    private readonly string weighted;
    private readonly string? naive;
    private readonly string blocks;

    /// <param name="section">The pipeline.yaml section listing the groups, e.g. <c>fusion</c>.</param>
    /// <param name="candidates">Every representation a group may name (their feature tables are this stage's inputs).</param>
    /// <param name="weighted">Output: the equal-share fusion.</param>
    /// <param name="naive">Output: the raw concatenation, or null to skip it.</param>
    /// <param name="blocks">Output: each block's share (a metric table).</param>
    public BlockFusionStage(string name, string section, IReadOnlyList<ScoredRepresentation> candidates, string weighted, string? naive, string blocks)
    {
        Name = name;
        this.section = section;
        this.candidates = candidates;
        this.weighted = weighted;
        this.naive = naive;
        this.blocks = blocks;
        Inputs = candidates.Select(c => c.Features).Distinct().ToArray();
        Outputs = naive is null ? [weighted, blocks] : [weighted, naive, blocks];
    }

    public override string Name { get; }

    public override string Description => $"Combine the representations listed in `{section}` (equal variance shares{(naive is null ? "" : ", and naive concatenation")})";

    public override IReadOnlyList<string> Inputs { get; }

    public override IReadOnlyList<string> Outputs { get; }

    protected override FusionParameters BindParameters(PipelineConfiguration configuration) => configuration.Bind<FusionParameters>(section);

    protected override void Run(StageContext context, FusionParameters parameters)
    {
        var selected = FusionBlocks.Select(parameters, candidates, r => FeatureTable.Read(context.InputPath(r.Features)));
        var rows = selected.Blocks.Select(b => b.Rows).ToArray();
        var empty = selected.Blocks.Count == 0 || selected.Ids.Length == 0;
        new FeatureTable(selected.Ids, selected.Categories, empty ? [] : BlockFusion.EqualShare(rows, selected.Blocks.Select(b => b.Share).ToArray()))
            .Write(context.OutputPath(weighted));
        if (naive is not null)
        {
            new FeatureTable(selected.Ids, selected.Categories, empty ? [] : BlockFusion.Concatenate(rows)).Write(context.OutputPath(naive));
        }

        MetricTable.Write(context.OutputPath(blocks), selected.Shares());
        context.PublishMetric($"{section}.blocks", string.Join(", ", selected.Shares().Select(s => $"{s.Key} {s.Value:0.###}")));
        context.Log.Info(empty
            ? $"{Name}: none of the representations `{section}` lists ran: empty output (scored as not run)"
            : $"{Name}: {selected.Ids.Length} products, blocks {string.Join(", ", selected.Blocks.Select(b => $"{b.Representation.Method} ({b.Rows[0].Length} columns, share {b.Share:0.###})"))}");
    }
}
