using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// Compares the pretrained CNNs' scores and publishes the best one as the image study's CNN result
/// (<c>image.cnn.ari_mean</c>, <c>image.cnn.ari_std</c>, <c>image.cnn.best_model</c>, <c>image.cnn.models_compared</c>):
/// the best of several models scored on the same labels is optimistic, which the companion metrics say.
/// </summary>
public sealed class ImageCnnComparisonStage : Stage<IReadOnlyList<string>>
{
    public override string Name => "ImageCnnComparison";

    public override string Description => "Compare the pretrained CNNs (image.cnn.* = the best of those that ran)";

    public override IReadOnlyList<string> Inputs { get; } = [.. ImageRepresentation.Cnn.Select(r => r.ClusterMetrics)];

    public override IReadOnlyList<string> Outputs { get; } = [ImageArtifactPaths.CnnComparison];

    protected override IReadOnlyList<string> BindParameters(PipelineConfiguration configuration) => [.. ImageRepresentation.Cnn.Select(r => r.MetricPrefix)];

    protected override void Run(StageContext context, IReadOnlyList<string> parameters)
    {
        var scores = ImageRepresentation.Cnn
            .Select((r, i) => (Model: parameters[i]["image.cnn.".Length..], Metrics: MetricTable.Read(context.InputPath(r.ClusterMetrics))))
            .ToArray();
        var scored = scores.Where(s => s.Metrics.ContainsKey("ari_mean")).ToArray();
        var best = scored.Length == 0 ? default : scored.MaxBy(s => s.Metrics["ari_mean"]);
        ParquetArtifact.Write(context.OutputPath(ImageArtifactPaths.CnnComparison),
        [
            new StringColumn("model", scores.Select(s => s.Model).ToArray()),
            new StringColumn("status", scores.Select(s => s.Metrics.ContainsKey("ari_mean") ? (s.Model == best.Model ? "best" : "scored") : "not run").ToArray()),
            new PrimitiveColumn<double>("ari_mean", scores.Select(s => s.Metrics.GetValueOrDefault("ari_mean", double.NaN)).ToArray()),
            new PrimitiveColumn<double>("ari_std", scores.Select(s => s.Metrics.GetValueOrDefault("ari_std", double.NaN)).ToArray()),
        ]);

        context.PublishMetric("image.cnn.models_compared", scored.Length);
        if (scored.Length == 0)
        {
            context.PublishMetric("image.cnn.best_model", "none: no pretrained model was available");
            context.Log.Warning($"{Name}: none of the {scores.Length} pretrained models ran");
            return;
        }

        context.PublishMetric("image.cnn.best_model", $"{best.Model} (best of {scored.Length})");
        context.PublishMetric("image.cnn.ari_mean", Math.Round(best.Metrics["ari_mean"], 6));
        context.PublishMetric("image.cnn.ari_std", Math.Round(best.Metrics["ari_std"], 6));
        context.Log.Info($"{Name}: best of {scored.Length} pretrained models: {best.Model}, ARI {best.Metrics["ari_mean"]:F3} ± {best.Metrics["ari_std"]:F3}");
    }
}
