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
/// offline) the table is empty and the status says why; the study goes on without this model.
/// </summary>
public sealed class ImageCnnEmbeddingStage : Stage<ImageCnnStageParameters>
{
    private readonly string model;
    private readonly string section;
    private readonly string output;

    /// <summary>Role of the optional graph that turns the stage's tensor into the model's input, in the catalog entry's files.</summary>
    public const string PreprocessRole = CnnModelFiles.PreprocessRole;

    /// <param name="model">Section of <c>images.cnn</c> and entry of the <c>models</c> catalog naming the model, e.g. <c>resnet18</c>.</param>
    public ImageCnnEmbeddingStage(string model)
    {
        this.model = model;
        section = $"images.cnn.{model}";
        output = ImageArtifactPaths.CnnEmbedding(model);
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
        var prefix = $"image.cnn.{model}";
        if (files.Missing is { } missing)
        {
            new FeatureTable([], [], []).Write(outputPath);
            context.PublishMetric($"{prefix}.status", "unavailable");
            context.PublishMetric($"{prefix}.status_reason", missing);
            context.Log.Warning($"{Name}: model unavailable ({missing}); {model} is left out of the image study");
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
        var vectors = kept.Select(i => parameters.Normalize(embeddings[i]!)).ToArray();
        new FeatureTable(kept.Select(i => usable[i].Id).ToArray(), kept.Select(i => usable[i].Category).ToArray(), vectors).Write(outputPath);

        var dimensions = vectors.Length == 0 ? 0 : vectors[0].Length;
        context.PublishMetric($"{prefix}.status", "ran");
        context.PublishMetric($"{prefix}.model_sha256", files.ModelSha256);
        context.PublishMetric($"{prefix}.dimensions", dimensions);
        context.PublishMetric($"{prefix}.images", vectors.Length);
        context.PublishMetric($"{prefix}.computed", cache.Computed);
        context.PublishMetric($"{prefix}.reused", cache.Reused);
        context.PublishMetric($"{prefix}.failed_images", failures.Count);
        foreach (var (i, reason) in failures.OrderBy(f => f.Key))
        {
            context.Log.Warning($"{Name}: the photo of product {usable[i].Id} cannot be embedded ({reason}); it is left out of {model}'s scores");
        }

        context.Log.Info($"{Name}: {vectors.Length} photos embedded ({dimensions}-d); {cache.Computed} computed, {cache.Reused} reused from {ImageArtifactPaths.CnnCache}");
    }
}
