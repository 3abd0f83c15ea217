using System.Text.Json;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Imaging.Features.Sift;
using PlaceDeMarche.Pipeline.Imaging.Features.VisualWords;
using PlaceDeMarche.Pipeline.Numerics.Stages;

namespace PlaceDeMarche.Pipeline.Imaging.Stages;

/// <summary>
/// SIFT on the preprocessed gray photos (per-image descriptor cache), a mini-batch k-means visual vocabulary and
/// one bag-of-visual-words vector per usable photo. Products without a usable photo are not in the table.
/// Only the extraction runs by shard (<c>run --shard i/n</c>): a shard fills the per-photo cache and lists what it
/// extracted; the vocabulary needs every photo's descriptors, so the merge is the unsharded run, reading them back.
/// </summary>
public sealed class ImageSiftStage : Stage<SeededParameters<ImageSiftParameters>>, IShardableStage
{
    public override string Name => "ImageSift";

    public override string Description => "SIFT keypoints, visual vocabulary and bag-of-visual-words vectors of the usable photos";

    public override IReadOnlyList<string> Inputs { get; } = [ImageArtifactPaths.Index, ImageArtifactPaths.Preprocessed];

    public override IReadOnlyList<string> Outputs { get; } = [ImageArtifactPaths.SiftBagOfWords, ImageArtifactPaths.SiftKeypointExample];

    public IReadOnlyList<string> ShardOutputs { get; } = [ImageArtifactPaths.SiftExtraction];

    protected override SeededParameters<ImageSiftParameters> BindParameters(PipelineConfiguration configuration) =>
        new(configuration.Seed, configuration.Bind<ImageSiftParameters>("images.sift"));

    protected override void Run(StageContext context, SeededParameters<ImageSiftParameters> parameters)
    {
        var sift = parameters.Section;
        var weighting = sift.Weighting switch
        {
            "tf" => VisualWordWeighting.TermFrequency,
            "tfidf" => VisualWordWeighting.TfIdf,
            _ => throw new ArgumentException($"images.sift.weighting must be tf or tfidf, not '{sift.Weighting}'."),
        };
        var normalization = sift.Normalization switch
        {
            "none" => VisualWordNormalization.None,
            "l1" => VisualWordNormalization.L1,
            "l2" => VisualWordNormalization.L2,
            _ => throw new ArgumentException($"images.sift.normalization must be none, l1 or l2, not '{sift.Normalization}'."),
        };
        var options = new SiftOptions { MaxFeatures = sift.MaxFeatures, UpsampleInput = sift.Upsample };
        var pack = context.InputPath(ImageArtifactPaths.Preprocessed);
        var usable = ImageIndexTable.Read(context.InputPath(ImageArtifactPaths.Index)).Where(r => r.IsUsable).ToArray();
        var cache = new ItemCache(context.Workspace.Resolve(ImageArtifactPaths.SiftCache));
        // Only what changes the descriptors keys the cache: the vocabulary settings do not.
        var settings = JsonSerializer.Serialize(options) + "|" + CodeVersion.Of(GetType());
        var features = new SiftFeatures[usable.Length];
        context.Progress.Start(usable.Length, "photos");
        Parallel.For(
            0,
            usable.Length,
            new ParallelOptions { CancellationToken = context.Cancellation },
            () => new SiftExtractor(options),
            (i, _, extractor) =>
            {
                var key = ItemCache.Key(usable[i].CacheKey, settings);
                var entry = cache.GetOrCreate(key, () =>
                {
                    var image = PreprocessedImage.Read(pack, usable[i]);
                    return SiftCacheEntry.Encode(extractor.Extract(new GrayImage(image.GrayWidth, image.GrayHeight, image.Gray)));
                });
                features[i] = SiftCacheEntry.Decode(entry, cache.PathOf(key));
                context.Progress.Advance();
                return extractor;
            },
            _ => { });

        var total = features.Sum(f => f.Count);
        if (context.Shard is not null)
        {
            context.PublishMetric("image.sift.computed", cache.Computed);
            context.PublishMetric("image.sift.reused", cache.Reused);
            new SiftExtractionTable(usable.Select(r => r.Id).ToArray(), features.Select(f => f.Count).ToArray(), usable.Select(r => ItemCache.Key(r.CacheKey, settings)).ToArray())
                .Write(context.OutputPath(ImageArtifactPaths.SiftExtraction));
            context.Log.Info($"{Name}: {total} keypoints in {usable.Length} photos ({cache.Computed} extracted, {cache.Reused} reused from {ImageArtifactPaths.SiftCache}); the vocabulary waits for merge-shards");
            return;
        }

        var descriptors = features.Select(f => f.Descriptors).ToArray();
        if (total == 0)
        {
            throw new InvalidOperationException($"{Name}: no SIFT keypoint in any of the {usable.Length} usable photos, so no visual vocabulary can be built; check images.preprocess (size) and images.sift.");
        }

        var words = Math.Min(sift.Words, total);
        if (words < sift.Words)
        {
            context.Log.Warning($"{Name}: only {total} descriptors in {usable.Length} photos; vocabulary reduced from {sift.Words} to {words} words");
        }

        var vocabulary = VisualVocabulary.Build(descriptors, SiftFeatures.DescriptorLength, new VisualVocabularyOptions
        {
            WordCount = words,
            MaxTrainingDescriptors = sift.MaxTrainingDescriptors,
            BatchSize = sift.BatchSize,
            Seed = parameters.Seed,
        });
        var wordsPerImage = new int[usable.Length][];
        Parallel.For(0, usable.Length, i => wordsPerImage[i] = vocabulary.Quantize(descriptors[i]));
        var histograms = BagOfVisualWords.Encode(wordsPerImage, vocabulary.WordCount, weighting, normalization);
        new FeatureTable(usable.Select(r => r.Id).ToArray(), usable.Select(r => r.Category).ToArray(), histograms)
            .Write(context.OutputPath(ImageArtifactPaths.SiftBagOfWords));

        var example = usable.Length > 0 ? features[0].Keypoints : [];
        new KeypointTable(
            usable.Length > 0 ? usable[0].Id : string.Empty,
            example.Select(k => k.X).ToArray(),
            example.Select(k => k.Y).ToArray(),
            example.Select(k => k.Scale).ToArray(),
            example.Select(k => k.Angle).ToArray()).Write(context.OutputPath(ImageArtifactPaths.SiftKeypointExample));

        context.PublishMetric("image.sift.keypoints", total);
        context.PublishMetric("image.sift.keypoints_per_image", usable.Length > 0 ? Math.Round((double)total / usable.Length, 1) : 0);
        context.PublishMetric("image.sift.words", vocabulary.WordCount);
        context.PublishMetric("image.sift.training_descriptors", vocabulary.TrainingDescriptors);
        context.PublishMetric("image.sift.computed", cache.Computed);
        context.PublishMetric("image.sift.reused", cache.Reused);
        context.Log.Info($"{Name}: {total} keypoints in {usable.Length} photos ({cache.Computed} extracted, {cache.Reused} reused from {ImageArtifactPaths.SiftCache}); {vocabulary.WordCount} words from {vocabulary.TrainingDescriptors} descriptors");
    }

    /// <summary>
    /// The unsharded run: the vocabulary is fitted on every photo's descriptors, which the shards left in the per-photo
    /// cache (on storage the shards and the merge share; elsewhere they are extracted again, with the same result).
    /// </summary>
    public void MergeShards(StageContext context, ShardParts parts) => Run(context, (SeededParameters<ImageSiftParameters>)context.Parameters);
}
