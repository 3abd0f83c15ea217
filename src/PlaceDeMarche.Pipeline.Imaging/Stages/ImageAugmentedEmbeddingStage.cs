using System.Globalization;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Imaging.Augmentation;
using PlaceDeMarche.Pipeline.Imaging.Embeddings;
using PlaceDeMarche.Pipeline.Numerics.Random;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Onnx.Models;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// Embeds <c>images.augmentation.copies</c> augmented copies of every usable photo (mirror, rotation, zoom, shift,
/// colour jitter, drawn from the study's seed, the product and the copy index) with one pretrained CNN, through the
/// same decoding, input recipe, session and per-photo cache as <see cref="ImageCnnEmbeddingStage"/>; the cache key
/// includes the variant, so a rerun recomputes nothing. The supervised study adds these rows to its training folds
/// only. A model not listed in <c>images.augmentation.models</c>, or absent from this machine, gets an empty table.
/// Per photo, so it runs by shard (<c>run --shard i/n</c>) on the photos of the shard's part of the image index.
/// </summary>
public sealed class ImageAugmentedEmbeddingStage : Stage<ImageAugmentedEmbeddingStageParameters>, IShardableStage
{
    private const string Section = "images.augmentation";

    private readonly string model;
    private readonly string modelSection;
    private readonly string output;
    private readonly string prefix;

    /// <param name="model">Section of <c>images.cnn</c> and entry of the <c>models</c> catalog naming the model, e.g. <c>mobilenetv2</c>.</param>
    public ImageAugmentedEmbeddingStage(string model)
    {
        this.model = model;
        modelSection = $"images.cnn.{model}";
        output = ImageArtifactPaths.CnnAugmented(model);
        prefix = $"image.augmented.{model}";
        Name = "ImageAugmented" + char.ToUpperInvariant(model[0]) + model[1..];
        Outputs = [output];
    }

    public override string Name { get; }

    public override string Description => $"Embed augmented copies of the usable photos with the pretrained CNN {model} (training data of the supervised study)";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.Products, ArtifactPaths.ExtractedDataset, ImageArtifactPaths.Index];

    public override IReadOnlyList<string> Outputs { get; }

    protected override ImageAugmentedEmbeddingStageParameters BindParameters(PipelineConfiguration configuration) => new(
        configuration.Seed,
        configuration.Bind<ImageAugmentationParameters>(Section),
        configuration.Bind<ImageCnnParameters>(modelSection),
        configuration.Bind<ModelCatalogEntry>($"{ModelCatalogEntry.Section}.{model}").Files,
        configuration.Bind<OnnxSettings>(OnnxSettings.Section));

    /// <summary>The model files by content, as for the plain embeddings.</summary>
    protected override IReadOnlyDictionary<string, string> ResolveExternalInputs(StageContext context, ImageAugmentedEmbeddingStageParameters parameters)
    {
        if (!parameters.Augmentation.Models.Contains(model))
        {
            return new Dictionary<string, string>();
        }

        return CnnModelFiles.Locate(model, ModelResolver.ForWorkspace(context.Workspace.Root, SilentLog.Instance), parameters.ModelFiles).AsExternalInputs(model);
    }

    protected override void Run(StageContext context, ImageAugmentedEmbeddingStageParameters parameters)
    {
        var settings = parameters.Augmentation;
        if (settings.Copies < 1 || settings.Models.Any(m => !ImageRepresentation.CnnModels.Contains(m)))
        {
            throw new PipelineConfigurationException(
                $"{Section}: copies must be at least 1 (got {settings.Copies}) and models must be among {string.Join(", ", ImageRepresentation.CnnModels)} (got [{string.Join(", ", settings.Models)}]).");
        }

        var outputPath = context.OutputPath(output);
        if (!settings.Models.Contains(model))
        {
            Empty(context, outputPath, "not_requested", $"{model} is not in {Section}.models");
            return;
        }

        var files = CnnModelFiles.Locate(model, ModelResolver.ForWorkspace(context.Workspace.Root, context.Log), parameters.ModelFiles);
        if (files.Missing is { } missing)
        {
            Empty(context, outputPath, "unavailable", missing);
            return;
        }

        var usable = ImageIndexTable.Read(context.InputPath(ImageArtifactPaths.Index)).Where(r => r.IsUsable).ToArray();
        var photoPaths = ProductTable.Read(context.InputPath(ArtifactPaths.Products)).ToDictionary(p => p.Id, p => p.ImagePath);
        var ranges = settings.Ranges();
        // Copies of one photo side by side, so the embedder decodes each photo once.
        var variants = usable.SelectMany(row => Enumerable.Range(0, settings.Copies).Select(copy => (Row: row, Copy: copy, Augmentation: Variant(ranges, parameters.Seed, row.Id, copy)))).ToArray();
        var cache = new ItemCache(context.Workspace.Resolve(ImageArtifactPaths.CnnCache));
        var embedding = new CachedCnnEmbedding(modelSection, parameters.Model, files, parameters.Onnx, cache, context.Log);
        var (embeddings, failures) = embedding.Embed(
            variants.Select(v => new CnnPhotoRequest(v.Row.SourceSha256, photoPaths[v.Row.Id]!, v.Augmentation)).ToArray(), context.Workspace.Resolve, context.Cancellation);

        var kept = Enumerable.Range(0, variants.Length).Where(i => embeddings[i] is not null).ToArray();
        new AugmentedFeatureTable(
            kept.Select(i => variants[i].Row.Id).ToArray(),
            kept.Select(i => variants[i].Copy).ToArray(),
            kept.Select(i => variants[i].Row.Category).ToArray(),
            kept.Select(i => variants[i].Augmentation.Key).ToArray(),
            kept.Select(i => parameters.Model.Normalize(embeddings[i]!)).ToArray()).Write(outputPath);
        foreach (var (i, reason) in failures.OrderBy(f => f.Key))
        {
            context.Log.Warning($"{Name}: copy {variants[i].Copy} of the photo of product {variants[i].Row.Id} cannot be embedded ({reason}); it is left out");
        }

        PublishRan(context, settings.Copies, kept.Length, cache.Computed, cache.Reused, failures.Count);
    }

    /// <summary>The shards' copies in the order of the image index then of the copy index, or the empty table every shard wrote.</summary>
    public void MergeShards(StageContext context, ShardParts parts)
    {
        var outputPath = context.OutputPath(output);
        var status = (string)parts.Agreed($"{prefix}.status")!;
        if (status != "ran")
        {
            Empty(context, outputPath, status, (string)parts.Agreed($"{prefix}.status_reason")!);
            return;
        }

        var tables = parts.PathsOf(output).Select(AugmentedFeatureTable.Read).ToArray();
        var ids = tables.SelectMany(t => t.Ids).ToArray();
        var copies = tables.SelectMany(t => t.Copies).ToArray();
        var categories = tables.SelectMany(t => t.Categories).ToArray();
        var augmentations = tables.SelectMany(t => t.Augmentations).ToArray();
        var vectors = tables.SelectMany(t => t.Vectors).ToArray();
        var usable = ImageIndexTable.Read(context.InputPath(ImageArtifactPaths.Index)).Where(r => r.IsUsable).Select(r => r.Id).ToArray();
        var order = ShardParts.CanonicalOrder(ids, usable, copies);
        new AugmentedFeatureTable(
            order.Select(i => ids[i]).ToArray(),
            order.Select(i => copies[i]).ToArray(),
            order.Select(i => categories[i]).ToArray(),
            order.Select(i => augmentations[i]).ToArray(),
            order.Select(i => vectors[i]).ToArray()).Write(outputPath);
        PublishRan(context, (int)parts.Agreed($"{prefix}.copies"), order.Length, parts.Sum($"{prefix}.computed"), parts.Sum($"{prefix}.reused"), parts.Sum($"{prefix}.failed_images"));
    }

    private void PublishRan(StageContext context, int copies, int images, int computed, int reused, int failed)
    {
        context.PublishMetric($"{prefix}.status", "ran");
        context.PublishMetric($"{prefix}.copies", copies);
        context.PublishMetric($"{prefix}.images", images);
        context.PublishMetric($"{prefix}.computed", computed);
        context.PublishMetric($"{prefix}.reused", reused);
        context.PublishMetric($"{prefix}.failed_images", failed);
        context.Log.Info($"{Name}: {images} augmented copies embedded ({copies} per photo); {computed} computed, {reused} reused from {ImageArtifactPaths.CnnCache}");
    }

    /// <summary>The variant of copy <paramref name="copy"/> of product <paramref name="id"/>: its own random stream, so it does not depend on which other photos are embedded.</summary>
    public static PhotoAugmentation Variant(AugmentationRanges ranges, int seed, string id, int copy)
    {
        var stream = int.Parse(ContentHash.OfText($"{id}\n{copy}")[..7], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var random = Xoshiro256StarStar.ForStream(seed, stream);
        return ranges.Draw(random.NextDouble);
    }

    /// <summary>An empty table, with the status as an enumeration (as the ImageCnn stages publish theirs) and its reason apart.</summary>
    private void Empty(StageContext context, string outputPath, string status, string reason)
    {
        new AugmentedFeatureTable([], [], [], [], []).Write(outputPath);
        context.PublishMetric($"{prefix}.status", status);
        context.PublishMetric($"{prefix}.status_reason", reason);
        context.Log.Info($"{Name}: no augmented copies ({status}: {reason})");
    }
}
