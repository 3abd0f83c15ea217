using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Imaging.Augmentation;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Onnx;

namespace PlaceDeMarche.Pipeline.Imaging.Embeddings;

/// <summary>
/// Embeds photos, or augmented variants of them, with one pretrained CNN through the per-photo cache: an entry is
/// keyed by the photo's content hash, the model's and preprocessing graph's SHA-256, the outputs, the input recipe,
/// the code version and, for a variant, its augmentation key; only missing entries open the model. Shared by the
/// embedding stages, so the plain and the augmented embeddings are computed by the same code.
/// </summary>
public sealed class CachedCnnEmbedding(string section, ImageCnnParameters parameters, CnnModelFiles files, OnnxSettings onnx, ItemCache cache, IPipelineLog log)
{
    /// <summary>
    /// The raw (not yet normalised) embedding of each request, null where the photo could not be embedded; the reasons
    /// by request index. <paramref name="resolve"/> turns a request's workspace-relative path into a file path;
    /// <paramref name="opened"/>, when given, receives the model when it is opened: when an entry is missing, or
    /// always with <paramref name="openEvenIfCached"/> (e.g. to check the input recipe on every run).
    /// </summary>
    public (float[]?[] Vectors, IReadOnlyDictionary<int, string> Failures) Embed(
        IReadOnlyList<CnnPhotoRequest> requests, Func<string, string> resolve, CancellationToken cancellation, Action<CnnEmbedder>? opened = null, bool openEvenIfCached = false)
    {
        var recipe = parameters.Recipe(section);
        // Everything the numbers depend on: the model and preprocessing graph bytes, the input recipe, the code.
        var settings = string.Join('|', files.ModelSha256, files.PreprocessSha256, string.Join(',', parameters.Outputs), JsonSerializer.Serialize(recipe), parameters.FlipAverage, CodeVersion.Of(GetType()));
        var keys = requests.Select(r => r.Augmentation is { } variant ? ItemCache.Key(r.SourceSha256, settings, variant.Key) : ItemCache.Key(r.SourceSha256, settings)).ToArray();
        var vectors = new float[]?[requests.Count];
        var missing = new List<int>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (cache.TryGet(keys[i], out var entry))
            {
                vectors[i] = MemoryMarshal.Cast<byte, float>(entry).ToArray();
            }
            else
            {
                missing.Add(i);
            }
        }

        var failures = new ConcurrentDictionary<int, string>();
        if (missing.Count > 0 || openEvenIfCached)
        {
            using var embedder = new CnnEmbedder(
                section, files.Model, files.Preprocess, parameters.Input, parameters.Outputs, recipe, parameters.BatchSize, parameters.FlipAverage, onnx, log);
            opened?.Invoke(embedder);
            embedder.Embed(
                missing,
                i => File.ReadAllBytes(resolve(requests[i].Path)),
                i => requests[i].Path,
                (i, vector) =>
                {
                    vectors[i] = vector;
                    cache.Store(keys[i], MemoryMarshal.AsBytes(vector.AsSpan()).ToArray());
                },
                (i, reason) => failures[i] = reason,
                cancellation,
                // Augmented at the model's resize size: the same variant, a fraction of the full photo's pixels.
                (i, image) => requests[i].Augmentation is { } variant ? PhotoAugmenter.Apply(recipe.Resized(image), variant) : image);
        }

        return (vectors, failures);
    }
}
