using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Imaging.Embeddings;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Onnx.Models;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// Embeds every usable photo (see <c>image/index.parquet</c>) with one pretrained CNN of <c>images.cnn</c>: decoding
/// at the DCT scale that keeps the model's resize size, the model's own resize, crop and normalisation, inference on
/// one single-threaded session per core, a per-photo cache. Its files come from the <c>models</c> catalog (sources
/// tried in order, SHA-256 checked); when no source is available (e.g. a machine without the shared models folder,
/// offline) the table is empty and the status says why; the study goes on without this model. Per photo, so it runs
/// by shard (<c>run --shard i/n</c>) on the photos of the shard's part of the image index.
/// </summary>
public sealed class ImageCnnEmbeddingStage : Stage<ImageCnnStageParameters>, IShardableStage
{
    /// <summary>Metrics of the run that opened the model, the same in every shard that did.</summary>
    private static readonly string[] ModelMetrics = ["execution_provider", "output", "recipe_check_pictures"];

    private readonly string model;
    private readonly string section;
    private readonly string output;
    private readonly string prefix;

    /// <summary>Role of the optional graph that turns the stage's tensor into the model's input, in the catalog entry's files.</summary>
    public const string PreprocessRole = CnnModelFiles.PreprocessRole;

    /// <param name="model">Section of <c>images.cnn</c> and entry of the <c>models</c> catalog naming the model, e.g. <c>resnet18</c>.</param>
    public ImageCnnEmbeddingStage(string model)
    {
        this.model = model;
        section = $"images.cnn.{model}";
        output = ImageArtifactPaths.CnnEmbedding(model);
        prefix = $"image.cnn.{model}";
        Name = "ImageCnn" + char.ToUpperInvariant(model[0]) + model[1..];
        Outputs = [output];
    }

    public override string Name { get; }

    public override string Description => $"Embed the usable photos with the pretrained CNN {model} (ONNX Runtime, per-image cache)";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.Products, ArtifactPaths.ExtractedDataset, ImageArtifactPaths.Index];

    public override IReadOnlyList<string> Outputs { get; }

    protected override ImageCnnStageParameters BindParameters(PipelineConfiguration configuration) =>
        new(configuration.Bind<ImageCnnParameters>(section),
            configuration.Bind<ModelCatalogEntry>($"{ModelCatalogEntry.Section}.{model}").Files,
            configuration.Bind<OnnxSettings>(OnnxSettings.Section));

    /// <summary>
    /// The model files by the pinned hash of the source found, so a model that becomes available (or another source
    /// of it) reruns the stage. Silent: the run resolves again and says what it found.
    /// </summary>
    protected override IReadOnlyDictionary<string, string> ResolveExternalInputs(StageContext context, ImageCnnStageParameters parameters) =>
        CnnModelFiles.Locate(model, ModelResolver.ForWorkspace(context.Workspace.Root, SilentLog.Instance), parameters.ModelFiles).AsExternalInputs(model);

    protected override void Run(StageContext context, ImageCnnStageParameters stageParameters)
    {
        var parameters = stageParameters.Model;
        _ = parameters.Recipe(section);
        var files = CnnModelFiles.Locate(model, ModelResolver.ForWorkspace(context.Workspace.Root, context.Log), stageParameters.ModelFiles);
        var outputPath = context.OutputPath(output);
        if (files.Missing is { } missing)
        {
            Unavailable(context, outputPath, missing);
            return;
        }

        var usable = ImageIndexTable.Read(context.InputPath(ImageArtifactPaths.Index)).Where(r => r.IsUsable).ToArray();
        var photoPaths = ProductTable.Read(context.InputPath(ArtifactPaths.Products)).ToDictionary(p => p.Id, p => p.ImagePath);
        var cache = new ItemCache(context.Workspace.Resolve(ImageArtifactPaths.CnnCache));
        var checkRecipe = parameters.ImagenetOutput.Length > 0;
        var (embeddings, failures) = new CachedCnnEmbedding(section, parameters, files, stageParameters.Onnx, cache, context.Log).Embed(
            usable.Select(r => new CnnPhotoRequest(r.SourceSha256, photoPaths[r.Id]!)).ToArray(),
            context.Workspace.Resolve,
            context.Cancellation,
            embedder =>
            {
                context.PublishMetric($"{prefix}.execution_provider", embedder.ExecutionProvider.ToString().ToLowerInvariant());
                context.PublishMetric($"{prefix}.output", embedder.Output);
                if (checkRecipe)
                {
                    var recognised = ImageNetRecipeCheck.Verify(section, pictures => embedder.TopClasses(pictures, parameters.ImagenetOutput, section));
                    context.PublishMetric($"{prefix}.recipe_check_pictures", recognised);
                    context.Log.Info($"{Name}: input recipe checked: the model recognises all {recognised} synthesised ImageNet test pictures");
                }
            },
            openEvenIfCached: checkRecipe);

        var kept = Enumerable.Range(0, usable.Length).Where(i => embeddings[i] is not null).ToArray();
        var table = new FeatureTable(kept.Select(i => usable[i].Id).ToArray(), kept.Select(i => usable[i].Category).ToArray(), kept.Select(i => parameters.Normalize(embeddings[i]!)).ToArray());
        table.Write(outputPath);
        foreach (var (i, reason) in failures.OrderBy(f => f.Key))
        {
            context.Log.Warning($"{Name}: the photo of product {usable[i].Id} cannot be embedded ({reason}); it is left out of {model}'s scores");
        }

        PublishRan(context, files.ModelSha256, table, cache.Computed, cache.Reused, failures.Count);
    }

    /// <summary>The shards' embeddings in the order of the image index, or the empty table when no shard had the model.</summary>
    public void MergeShards(StageContext context, ShardParts parts)
    {
        var outputPath = context.OutputPath(output);
        if ((string)parts.Agreed($"{prefix}.status")! == "unavailable")
        {
            Unavailable(context, outputPath, (string)parts.Agreed($"{prefix}.status_reason")!);
            return;
        }

        var tables = parts.PathsOf(output).Select(FeatureTable.Read).ToArray();
        var ids = tables.SelectMany(t => t.Ids).ToArray();
        var categories = tables.SelectMany(t => t.Categories).ToArray();
        var vectors = tables.SelectMany(t => t.Vectors).ToArray();
        var usable = ImageIndexTable.Read(context.InputPath(ImageArtifactPaths.Index)).Where(r => r.IsUsable).Select(r => r.Id).ToArray();
        var order = ShardParts.CanonicalOrder(ids, usable);
        var table = new FeatureTable(order.Select(i => ids[i]).ToArray(), order.Select(i => categories[i]).ToArray(), order.Select(i => vectors[i]).ToArray());
        table.Write(outputPath);
        foreach (var key in ModelMetrics)
        {
            if (parts.Values($"{prefix}.{key}") is [var value, ..])
            {
                context.PublishMetric($"{prefix}.{key}", value.DeepClone());
            }
        }

        PublishRan(context, (string)parts.Agreed($"{prefix}.model_sha256")!, table, parts.Sum($"{prefix}.computed"), parts.Sum($"{prefix}.reused"), parts.Sum($"{prefix}.failed_images"));
    }

    private void Unavailable(StageContext context, string outputPath, string reason)
    {
        new FeatureTable([], [], []).Write(outputPath);
        context.PublishMetric($"{prefix}.status", "unavailable");
        context.PublishMetric($"{prefix}.status_reason", reason);
        context.Log.Warning($"{Name}: model unavailable ({reason}); {model} is left out of the image study");
    }

    private void PublishRan(StageContext context, string modelSha256, FeatureTable table, int computed, int reused, int failed)
    {
        var dimensions = table.Vectors.Length == 0 ? 0 : table.Vectors[0].Length;
        context.PublishMetric($"{prefix}.status", "ran");
        context.PublishMetric($"{prefix}.model_sha256", modelSha256);
        context.PublishMetric($"{prefix}.dimensions", dimensions);
        context.PublishMetric($"{prefix}.images", table.Vectors.Length);
        context.PublishMetric($"{prefix}.computed", computed);
        context.PublishMetric($"{prefix}.reused", reused);
        context.PublishMetric($"{prefix}.failed_images", failed);
        context.Log.Info($"{Name}: {table.Vectors.Length} photos embedded ({dimensions}-d); {computed} computed, {reused} reused from {ImageArtifactPaths.CnnCache}");
    }
}
