using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Numerics.Fusion;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// Puts the embeddings of several pretrained CNNs side by side for the photos every one of them embedded, each
/// model's block scaled to unit total variance so that none dominates by its dimension. Empty when a model did not run.
/// </summary>
public sealed class ImageCnnCombinationStage : Stage<ImageCnnCombinationParameters>
{
    private const string Section = "images.cnn_combination";

    public override string Name => "ImageCnnCombination";

    public override string Description => "Combine the pretrained CNN embeddings (blocks of equal total variance)";

    public override IReadOnlyList<string> Inputs { get; } = [.. ImageRepresentation.CnnModels.Select(ImageArtifactPaths.CnnEmbedding)];

    public override IReadOnlyList<string> Outputs { get; } = [ImageArtifactPaths.CnnCombined];

    protected override ImageCnnCombinationParameters BindParameters(PipelineConfiguration configuration) =>
        configuration.Bind<ImageCnnCombinationParameters>(Section);

    protected override void Run(StageContext context, ImageCnnCombinationParameters parameters)
    {
        if (parameters.Models.Length < 2 || parameters.Models.Distinct().Count() != parameters.Models.Length
            || parameters.Models.Any(m => !ImageRepresentation.CnnModels.Contains(m)))
        {
            throw new PipelineConfigurationException(
                $"{Section}.models must list at least two different models among {string.Join(", ", ImageRepresentation.CnnModels)} (got [{string.Join(", ", parameters.Models)}]).");
        }

        var tables = parameters.Models.Select(m => FeatureTable.Read(context.InputPath(ImageArtifactPaths.CnnEmbedding(m)))).ToArray();
        var output = context.OutputPath(ImageArtifactPaths.CnnCombined);
        var absent = parameters.Models.Where((_, i) => tables[i].Ids.Length == 0).ToArray();
        if (absent.Length > 0)
        {
            new FeatureTable([], [], []).Write(output);
            context.PublishMetric("image.cnn.combined.status", "not_run");
            context.PublishMetric("image.cnn.combined.status_reason", $"no embeddings from {string.Join(", ", absent)}");
            context.Log.Warning($"{Name}: not run, {string.Join(", ", absent)} produced no embeddings");
            return;
        }

        // Photos embedded by every model, in the first table's (product) order.
        var positions = tables.Select(t => t.Ids.Select((id, row) => (id, row)).ToDictionary(p => p.id, p => p.row)).ToArray();
        var common = tables[0].Ids.Where(id => positions.All(p => p.ContainsKey(id))).ToArray();
        var blocks = tables.Select((t, b) => common.Select(id => t.Vectors[positions[b][id]]).ToArray()).ToArray();
        var vectors = BlockFusion.EqualShare(blocks, [.. blocks.Select(_ => 1.0)]);
        var categories = common.Select(id => tables[0].Categories[positions[0][id]]).ToArray();
        new FeatureTable(common, categories, vectors).Write(output);
        context.PublishMetric("image.cnn.combined.status", "ran");
        context.PublishMetric("image.cnn.combined.dimensions", vectors.Length == 0 ? 0 : vectors[0].Length);
        context.Log.Info($"{Name}: {common.Length} photos, {string.Join(" + ", parameters.Models)} ({(vectors.Length == 0 ? 0 : vectors[0].Length)} dimensions)");
    }
}
