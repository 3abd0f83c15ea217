using System.Text.Json;
using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// Preprocesses every product photo (see <see cref="ImagePreprocessor"/>) into <c>image/preprocessed.bin</c> and
/// records in <c>image/index.parquet</c> which photos are unusable and why. Each photo's result is cached under
/// its content hash, the parameters and the code version, so adding products processes only the new photos.
/// Per photo, so it runs by shard (<c>run --shard i/n</c>): each shard writes its index and pack, offsets into its own pack.
/// </summary>
public sealed class ImagePreprocessStage : Stage<ImagePreprocessParameters>, IShardableStage
{
    public override string Name => "ImagePreprocess";

    public override string Description => "Decode, orient, resize, square, gray and equalise every product photo (per-image cache)";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.Products, ArtifactPaths.ExtractedDataset];

    public override IReadOnlyList<string> Outputs { get; } = [ImageArtifactPaths.Index, ImageArtifactPaths.Preprocessed];

    protected override ImagePreprocessParameters BindParameters(PipelineConfiguration configuration) =>
        configuration.Bind<ImagePreprocessParameters>("images.preprocess");

    protected override void Run(StageContext context, ImagePreprocessParameters parameters)
    {
        var products = ProductTable.Read(context.InputPath(ArtifactPaths.Products)).Where(p => context.InShard(p.Id)).ToArray();
        var preprocessor = new ImagePreprocessor(parameters);
        var cache = new ItemCache(context.Workspace.Resolve(ImageArtifactPaths.PreprocessCache));
        var warningsCache = new ItemCache(context.Workspace.Resolve(ImageArtifactPaths.PreprocessWarningsCache));
        var settings = JsonSerializer.Serialize(parameters) + "|" + CodeVersion.Of(GetType());
        var outcomes = new (ImageIndexRow Row, byte[]? Entry)[products.Length];
        context.Progress.Start(products.Length, "photos");
        Parallel.For(0, products.Length, new ParallelOptions { CancellationToken = context.Cancellation }, i =>
        {
            outcomes[i] = Preprocess(products[i], context.Workspace, preprocessor, cache, warningsCache, settings);
            context.Progress.Advance();
        });

        var rows = new ImageIndexRow[outcomes.Length];
        long offset = 0;
        AtomicFile.Write(context.OutputPath(ImageArtifactPaths.Preprocessed), stream =>
        {
            // Product order, whatever order the parallel loop finished in: the pack is byte-reproducible.
            for (var i = 0; i < outcomes.Length; i++)
            {
                var (row, entry) = outcomes[i];
                var length = entry?.Length ?? 0;
                rows[i] = row with { Offset = offset, Length = length };
                stream.Write(entry);
                offset += length;
            }
        });
        ImageIndexTable.Write(context.OutputPath(ImageArtifactPaths.Index), rows);
        Publish(context, rows, cache.Computed, cache.Reused);
    }

    /// <summary>
    /// The shards' index rows in product order, their pack entries copied one after the other into one pack with the
    /// offsets recomputed: the same bytes as one run over every photo.
    /// </summary>
    public void MergeShards(StageContext context, ShardParts parts)
    {
        var packs = parts.PathsOf(ImageArtifactPaths.Preprocessed);
        var entries = parts.PathsOf(ImageArtifactPaths.Index)
            .SelectMany((index, shard) => ImageIndexTable.Read(index).Select(row => (Row: row, Pack: packs[shard])))
            .ToArray();
        var products = ProductTable.Read(context.InputPath(ArtifactPaths.Products));
        var order = ShardParts.CanonicalOrder(entries.Select(e => e.Row.Id).ToArray(), products.Select(p => p.Id).ToArray());
        if (order.Length != products.Count)
        {
            throw new InvalidDataException($"{Name}: the {parts.Count} shards hold {order.Length} photos for {products.Count} products; rerun the shards.");
        }

        var rows = new ImageIndexRow[order.Length];
        AtomicFile.Write(context.OutputPath(ImageArtifactPaths.Preprocessed), stream =>
        {
            long offset = 0;
            for (var i = 0; i < order.Length; i++)
            {
                var (row, pack) = entries[order[i]];
                var entry = new byte[row.Length];
                using (var handle = File.OpenHandle(pack))
                {
                    if (RandomAccess.Read(handle, entry, row.Offset) != entry.Length)
                    {
                        throw new InvalidDataException($"{pack}: the entry of product {row.Id} ends past the end of the file; rerun the shard that wrote it.");
                    }
                }

                rows[i] = row with { Offset = offset };
                stream.Write(entry);
                offset += entry.Length;
            }
        });
        ImageIndexTable.Write(context.OutputPath(ImageArtifactPaths.Index), rows);
        Publish(context, rows, parts.Sum("image.preprocess.computed"), parts.Sum("image.preprocess.reused"));
    }

    /// <summary>Publishes the photos' outcome (usable, damaged, unusable and why; cache use) and says it in the log.</summary>
    private void Publish(StageContext context, ImageIndexRow[] rows, int computed, int reused)
    {
        var unusable = rows.Where(r => !r.IsUsable).ToArray();
        var recovered = rows.Where(r => r.IsUsable && r.Reason.Length > 0).ToArray();
        context.PublishMetric("image.recovered_images", recovered.Length);
        foreach (var row in recovered)
        {
            context.Log.Warning($"{Name}: the photo of product {row.Id} was damaged; kept as decoded ({row.Reason})");
        }

        context.PublishMetric("image.usable_images", rows.Length - unusable.Length);
        context.PublishMetric("image.unusable_images", new JsonArray(unusable.Select(r => (JsonNode)new JsonObject { ["id"] = r.Id, ["reason"] = r.Reason }).ToArray()));
        context.PublishMetric("image.preprocess.computed", computed);
        context.PublishMetric("image.preprocess.reused", reused);
        foreach (var row in unusable)
        {
            context.Log.Warning($"{Name}: product {row.Id} has no usable photo ({row.Reason}); it is left out of the image study");
        }

        context.Log.Info($"{Name}: {rows.Length - unusable.Length} of {rows.Length} photos usable; {computed} preprocessed, {reused} reused from {ImageArtifactPaths.PreprocessCache}");
    }

    private static (ImageIndexRow Row, byte[]? Entry) Preprocess(
        ProductRow product, Workspace workspace, ImagePreprocessor preprocessor, ItemCache cache, ItemCache warningsCache, string settings)
    {
        ImageIndexRow Unusable(string reason, string sha256 = "", int width = 0, int height = 0) =>
            new(product.Id, product.Category, sha256, ImageIndexRow.Unusable, reason, width, height, string.Empty, 0, 0);

        if (product.ImagePath is null || product.ImageStatus != "ok")
        {
            return (Unusable(product.ImageStatus != "ok" ? product.ImageStatus : "no photo named in the CSV"), null);
        }

        byte[] data;
        try
        {
            data = File.ReadAllBytes(workspace.Resolve(product.ImagePath));
        }
        catch (IOException e)
        {
            return (Unusable($"cannot read {product.ImagePath}: {e.Message}"), null);
        }

        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));
        try
        {
            var (width, height) = ImagePreprocessor.UprightSize(data, product.ImagePath);
            var key = ItemCache.Key(sha256, settings);
            var entry = cache.GetOrCreate(key, () =>
            {
                var warnings = new List<string>();
                var bytes = preprocessor.Process(data, product.ImagePath, warnings).ToBytes();
                if (warnings.Count > 0)
                {
                    // Kept beside the cached image, so that a reuse still reports the damage.
                    warningsCache.GetOrCreate(key, () => System.Text.Encoding.UTF8.GetBytes("recovered from damaged data: " + string.Join("; ", warnings)));
                }

                return bytes;
            });
            var warningFile = warningsCache.PathOf(key);
            var damage = File.Exists(warningFile) ? File.ReadAllText(warningFile) : string.Empty;
            return (new ImageIndexRow(product.Id, product.Category, sha256, ImageIndexRow.Usable, damage, width, height, key, 0, 0), entry);
        }
        catch (ImageDecodeException e)
        {
            // Deterministic for given bytes, so not cached: failures are rare and cheap to rediscover.
            return (Unusable(e.Reason, sha256), null);
        }
    }
}
