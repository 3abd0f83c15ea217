using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Numerics.Evaluation;
using PlaceDeMarche.Pipeline.Numerics.Fusion;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>
/// Consensus fusion: each group of the fusion section (text, image) is clustered alone by the shared protocol with
/// every seed; the co-association matrix of all those partitions (share of partitions that group two products) then
/// describes each product by its row, and is scored like any representation.
/// </summary>
public sealed class CoAssociationStage : Stage<CoAssociationParameters>
{
    private readonly string section;
    private readonly IReadOnlyList<ScoredRepresentation> candidates;
    private readonly string output;

    public CoAssociationStage(string name, string section, IReadOnlyList<ScoredRepresentation> candidates, string output)
    {
        Name = name;
        this.section = section;
        this.candidates = candidates;
        this.output = output;
        Inputs = candidates.Select(c => c.Features).Distinct().ToArray();
        Outputs = [output];
    }

    public override string Name { get; }

    public override string Description => $"Consensus of the per-group partitions of `{section}` (co-association matrix)";

    public override IReadOnlyList<string> Inputs { get; }

    public override IReadOnlyList<string> Outputs { get; }

    protected override CoAssociationParameters BindParameters(PipelineConfiguration configuration) =>
        new(configuration.Seed, configuration.Bind<FusionParameters>(section), configuration.Bind<AnalysisParameters>("analysis"), configuration.Bind<NumericsParameters>("numerics"));

    protected override void Run(StageContext context, CoAssociationParameters parameters)
    {
        var selected = FusionBlocks.Select(parameters.Fusion, candidates, r => FeatureTable.Read(context.InputPath(r.Features)));
        if (selected.Ids.Length == 0)
        {
            new FeatureTable([], [], []).Write(context.OutputPath(output));
            context.Log.Info($"{Name}: none of the representations `{section}` lists ran: empty output");
            return;
        }

        var (_, categories) = new FeatureTable(selected.Ids, selected.Categories, []).CategoryCodes();
        var options = parameters.Analysis.ToScoringOptions();
        var backend = parameters.Numerics.OpenForRun(context);
        var partitions = new List<int[]>();
        foreach (var group in selected.Blocks.GroupBy(b => b.Group))
        {
            // Inside a group the blocks are weighted as in the equal-share fusion; the group is then clustered alone.
            var members = group.ToArray();
            var rows = BlockFusion.EqualShare(members.Select(b => b.Rows).ToArray(), members.Select(b => b.Share).ToArray());
            var scores = ScoringProtocol.ScoreOverSeeds(DenseMatrix.FromRows(rows), categories, options, parameters.Seed, backend: backend);
            partitions.AddRange(scores.Runs.Select(r => r.Clusters));
            context.Log.Info($"{Name}: group {group.Key}: ARI {scores.Mean(r => r.AdjustedRandIndex):F3} ± {scores.StandardDeviation(r => r.AdjustedRandIndex):F3} over {scores.Runs.Count} seeds");
            context.PublishMetric($"{section}.coassociation.{group.Key}_ari_mean", Math.Round(scores.Mean(r => r.AdjustedRandIndex), 6));
        }

        new FeatureTable(selected.Ids, selected.Categories, CoAssociation.Matrix(partitions)).Write(context.OutputPath(output));
        context.Log.Info($"{Name}: co-association of {partitions.Count} partitions of {selected.Ids.Length} products");
    }
}
