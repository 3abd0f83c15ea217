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
/// Only the extraction runs by shard (<c>run --shard i/n</c>): a shard writes its photos' keypoints and descriptors as a
/// Parquet part (<see cref="SiftExtractionTable"/>); the vocabulary needs every photo's descriptors, so the merge fits
/// it on the n parts, exactly as the unsharded run fits it on what it extracted.
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
        // Checked before the extraction, so a mistyped setting fails at once rather than after every photo.
        var encoding = EncodingOf(sift);
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

        context.PublishMetric("image.sift.computed", cache.Computed);
        context.PublishMetric("image.sift.reused", cache.Reused);
        var extraction = $"{cache.Computed} extracted, {cache.Reused} reused from {ImageArtifactPaths.SiftCache}";
        if (context.Shard is not null)
        {
            SiftExtractionPart.ToTable(usable.Select(r => r.Id).ToArray(), features).Write(context.OutputPath(ImageArtifactPaths.SiftExtraction));
            context.Log.Info($"{Name}: {features.Sum(f => f.Count)} keypoints in {usable.Length} photos ({extraction}); the vocabulary waits for merge-shards");
            return;
        }

        FitVocabulary(context, parameters, encoding, usable, features, extraction);
    }

    /// <summary>
    /// The vocabulary, vectors and keypoint example fitted on the photos' features read from the n shard parts, put
    /// back in the image index's order: the bytes of the unsharded run, without the per-photo cache.
    /// </summary>
    public void MergeShards(StageContext context, ShardParts parts)
    {
        var parameters = (SeededParameters<ImageSiftParameters>)context.Parameters;
        var encoding = EncodingOf(parameters.Section);
        var usable = ImageIndexTable.Read(context.InputPath(ImageArtifactPaths.Index)).Where(r => r.IsUsable).ToArray();
        var rows = parts.PathsOf(ImageArtifactPaths.SiftExtraction)
            .Select((path, shard) => SiftExtractionPart.Read(path, new Shard(shard, parts.Count).Label))
            .SelectMany(table => Enumerable.Range(0, table.Ids.Length).Select(row => (Table: table, Row: row)))
            .ToArray();
        var order = ShardParts.CanonicalOrder(rows.Select(r => r.Table.Ids[r.Row]).ToArray(), usable.Select(r => r.Id).ToArray());
        if (order.Length != usable.Length)
        {
            throw new InvalidDataException($"{Name}: the {parts.Count} shard parts hold {order.Length} of the {usable.Length} usable photos of {ImageArtifactPaths.Index}; rerun the shards.");
        }

        var features = order.Select(i => SiftExtractionPart.FeaturesOf(rows[i].Table, rows[i].Row)).ToArray();
        var computed = parts.Sum("image.sift.computed");
        var reused = parts.Sum("image.sift.reused");
        context.PublishMetric("image.sift.computed", computed);
        context.PublishMetric("image.sift.reused", reused);
        FitVocabulary(context, parameters, encoding, usable, features, $"read from {parts.Count} shard part{(parts.Count > 1 ? "s" : "")}, which extracted {computed} and reused {reused}");
    }

    private static (VisualWordWeighting Weighting, VisualWordNormalization Normalization) EncodingOf(ImageSiftParameters sift) =>
    (
        sift.Weighting switch
        {
            "tf" => VisualWordWeighting.TermFrequency,
            "tfidf" => VisualWordWeighting.TfIdf,
            _ => throw new ArgumentException($"images.sift.weighting must be tf or tfidf, not '{sift.Weighting}'."),
        },
        sift.Normalization switch
        {
            "none" => VisualWordNormalization.None,
            "l1" => VisualWordNormalization.L1,
            "l2" => VisualWordNormalization.L2,
            _ => throw new ArgumentException($"images.sift.normalization must be none, l1 or l2, not '{sift.Normalization}'."),
        });

    /// <summary>
    /// Fits the vocabulary on <paramref name="features"/> (one per usable photo, index order), writes the vectors and the
    /// first photo's keypoints, and publishes the counts; <paramref name="extraction"/> says where the features came from.
    /// </summary>
    private void FitVocabulary(
        StageContext context,
        SeededParameters<ImageSiftParameters> parameters,
        (VisualWordWeighting Weighting, VisualWordNormalization Normalization) encoding,
        ImageIndexRow[] usable,
        SiftFeatures[] features,
        string extraction)
    {
        var sift = parameters.Section;
        var total = features.Sum(f => f.Count);
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
        var histograms = BagOfVisualWords.Encode(wordsPerImage, vocabulary.WordCount, encoding.Weighting, encoding.Normalization);
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
        context.Log.Info($"{Name}: {total} keypoints in {usable.Length} photos ({extraction}); {vocabulary.WordCount} words from {vocabulary.TrainingDescriptors} descriptors");
    }
}
