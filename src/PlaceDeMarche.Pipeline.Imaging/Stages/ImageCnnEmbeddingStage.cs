using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text.Json;
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
    public const string PreprocessRole = "preprocess";

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
    protected override IReadOnlyDictionary<string, string> ResolveExternalInputs(StageContext context, ImageCnnStageParameters parameters)
    {
        var files = Locate(ModelResolver.ForWorkspace(context.Workspace.Root, SilentLog.Instance), parameters.ModelFiles);
        return files.Missing is { } missing
            ? new Dictionary<string, string> { [$"{model} model"] = $"unavailable ({missing})" }
            : new Dictionary<string, string> { [$"{model} model"] = files.ModelSha256, [$"{model} preprocessing"] = files.PreprocessSha256 };
    }

    protected override void Run(StageContext context, ImageCnnStageParameters stageParameters)
    {
        var parameters = stageParameters.Model;
        var recipe = parameters.Recipe(section);
        var files = Locate(ModelResolver.ForWorkspace(context.Workspace.Root, context.Log), stageParameters.ModelFiles);
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
        // Everything the numbers depend on: the model and preprocessing graph bytes, the input recipe, the code.
        var settings = string.Join('|', files.ModelSha256, files.PreprocessSha256, string.Join(',', parameters.Outputs), JsonSerializer.Serialize(recipe), parameters.FlipAverage, CodeVersion.Of(GetType()));
        var keys = usable.Select(r => ItemCache.Key(r.SourceSha256, settings)).ToArray();
        var embeddings = new float[usable.Length][];
        var missingIndices = new List<int>();
        for (var i = 0; i < usable.Length; i++)
        {
            if (cache.TryGet(keys[i], out var entry))
            {
                embeddings[i] = MemoryMarshal.Cast<byte, float>(entry).ToArray();
            }
            else
            {
                missingIndices.Add(i);
            }
        }

        var failures = new ConcurrentDictionary<int, string>();
        var checkRecipe = parameters.ImagenetOutput.Length > 0;
        if (missingIndices.Count > 0 || checkRecipe)
        {
            using var embedder = new CnnEmbedder(
                section, files.Model, files.Preprocess, parameters.Input, parameters.Outputs, recipe, parameters.BatchSize, parameters.FlipAverage, stageParameters.Onnx, context.Log);
            context.PublishMetric($"{prefix}.execution_provider", embedder.ExecutionProvider.ToString().ToLowerInvariant());
            context.PublishMetric($"{prefix}.output", embedder.Output);
            if (checkRecipe)
            {
                var recognised = ImageNetRecipeCheck.Verify(section, pictures => embedder.TopClasses(pictures, parameters.ImagenetOutput, section));
                context.PublishMetric($"{prefix}.recipe_check_pictures", recognised);
                context.Log.Info($"{Name}: input recipe checked: the model recognises all {recognised} synthesised ImageNet test pictures");
            }

            embedder.Embed(
                missingIndices,
                i => File.ReadAllBytes(context.Workspace.Resolve(photoPaths[usable[i].Id]!)),
                i => photoPaths[usable[i].Id]!,
                (i, vector) =>
                {
                    embeddings[i] = vector;
                    cache.Store(keys[i], MemoryMarshal.AsBytes(vector.AsSpan()).ToArray());
                },
                (i, reason) => failures[i] = reason,
                context.Cancellation);
        }

        var kept = Enumerable.Range(0, usable.Length).Where(i => embeddings[i] is not null).ToArray();
        var vectors = kept.Select(i => Normalize(embeddings[i], parameters.Power, parameters.Normalization)).ToArray();
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

    /// <summary>Signed power (power normalisation damps the few dominant activations), then the row norm; a new array.</summary>
    private static float[] Normalize(float[] vector, float power, string normalization)
    {
        var result = vector.ToArray();
        if (power != 1)
        {
            for (var j = 0; j < result.Length; j++)
            {
                result[j] = MathF.CopySign(MathF.Pow(MathF.Abs(result[j]), power), result[j]);
            }
        }

        var norm = TensorPrimitives.Norm(result);
        if (normalization == "l2" && norm > 0)
        {
            TensorPrimitives.Divide(result, norm, result);
        }

        return result;
    }

    private ModelFiles Locate(ModelResolver resolver, IReadOnlyDictionary<string, List<ModelFileSource>> files)
    {
        try
        {
            var graph = resolver.Locate(model, files, "model");
            var preprocess = files.ContainsKey(PreprocessRole) ? resolver.Locate(model, files, PreprocessRole) : null;
            return new ModelFiles(graph.Path, graph.Sha256, preprocess?.Path, preprocess?.Sha256 ?? string.Empty, null);
        }
        catch (ModelUnavailableException e)
        {
            return ModelFiles.Unavailable(e.Message);
        }
    }

    private sealed record ModelFiles(string Model, string ModelSha256, string? Preprocess, string PreprocessSha256, string? Missing)
    {
        public static ModelFiles Unavailable(string reason) => new(string.Empty, string.Empty, null, string.Empty, reason);
    }
}
