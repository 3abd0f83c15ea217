using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Imaging.Embeddings;
using PlaceDeMarche.Pipeline.Onnx;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// Embeds every usable photo (see <c>image/index.parquet</c>) with one pretrained CNN of <c>images.cnn</c>: decoding
/// at the DCT scale that keeps the model's resize size, the model's own resize, crop and normalisation, inference on
/// one single-threaded session per core, a per-photo cache. When the model file is absent (e.g. a machine without the
/// shared models folder) the table is empty and the status says why; the study goes on without this model.
/// </summary>
public sealed class ImageCnnEmbeddingStage : Stage<ImageCnnStageParameters>
{
    private readonly string model;
    private readonly string section;
    private readonly string output;

    /// <param name="model">Section of <c>images.cnn</c> naming the model, e.g. <c>resnet18</c>.</param>
    /// <param name="programDirectory">Where package-shipped model files are looked up (the program's folder by default).</param>
    public ImageCnnEmbeddingStage(string model, string? programDirectory = null)
    {
        this.model = model;
        ProgramDirectory = programDirectory ?? AppContext.BaseDirectory;
        section = $"images.cnn.{model}";
        output = ImageArtifactPaths.CnnEmbedding(model);
        Name = "ImageCnn" + char.ToUpperInvariant(model[0]) + model[1..];
        Outputs = [output];
    }

    public override string Name { get; }

    public override string Description => $"Embed the usable photos with the pretrained CNN {model} (ONNX Runtime, per-image cache)";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.Products, ArtifactPaths.ExtractedDataset, ImageArtifactPaths.Index];

    public override IReadOnlyList<string> Outputs { get; }

    public string ProgramDirectory { get; }

    protected override ImageCnnStageParameters BindParameters(PipelineConfiguration configuration) =>
        new(configuration.Bind<ImageCnnParameters>(section), configuration.Bind<OnnxSettings>(OnnxSettings.Section));

    /// <summary>The model files by content (checked against their pinned SHA-256), so replacing one reruns the stage.</summary>
    protected override IReadOnlyDictionary<string, string> ResolveExternalInputs(StageContext context, ImageCnnStageParameters parameters) =>
        Locate(context.Workspace, parameters.Model).AsExternalInputs(model);

    protected override void Run(StageContext context, ImageCnnStageParameters stageParameters)
    {
        var parameters = stageParameters.Model;
        _ = parameters.Recipe(section);
        var files = Locate(context.Workspace, parameters);
        var outputPath = context.OutputPath(output);
        var prefix = $"image.cnn.{model}";
        if (files.Missing is { } missing)
        {
            new FeatureTable([], [], []).Write(outputPath);
            context.PublishMetric($"{prefix}.status", $"unavailable: {missing}");
            context.Log.Warning($"{Name}: model unavailable ({missing}); {model} is left out of the image study");
            return;
        }

        var usable = ImageIndexTable.Read(context.InputPath(ImageArtifactPaths.Index)).Where(r => r.IsUsable).ToArray();
        var photoPaths = ProductTable.Read(context.InputPath(ArtifactPaths.Products)).ToDictionary(p => p.Id, p => p.ImagePath);
        var cache = new ItemCache(context.Workspace.Resolve(ImageArtifactPaths.CnnCache));
        var embedding = new CachedCnnEmbedding(section, parameters, files, stageParameters.Onnx, cache, context.Log);
        var (embeddings, failures) = embedding.Embed(
            usable.Select(r => new CnnPhotoRequest(r.SourceSha256, photoPaths[r.Id]!)).ToArray(), context.Workspace.Resolve, context.Cancellation);
        if (embedding.ExecutionProvider is { } provider)
        {
            context.PublishMetric($"{prefix}.execution_provider", provider.ToString().ToLowerInvariant());
        }

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

        context.Log.Info($"{Name}: {vectors.Length} photos embedded ({dimensions}-d '{parameters.Output}'); {cache.Computed} computed, {cache.Reused} reused from {ImageArtifactPaths.CnnCache}");
    }

    private CnnModelFiles Locate(Workspace workspace, ImageCnnParameters parameters) =>
        CnnModelFiles.Locate(section, parameters, workspace.Root, ProgramDirectory);
}
