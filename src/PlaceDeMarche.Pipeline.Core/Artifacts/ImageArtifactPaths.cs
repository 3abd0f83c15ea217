namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>
/// Artifact and cache paths of the image study (kept apart from <see cref="ArtifactPaths"/> so the image stages
/// own their names). Caches are not artifacts: they only spare recomputation and can be deleted at any time.
/// </summary>
public static class ImageArtifactPaths
{
    /// <summary>One row per product: whether its photo is usable, why not, and where its preprocessed pixels are.</summary>
    public const string Index = "data/artifacts/image/index.parquet";

    /// <summary>Preprocessed gray images and RGB thumbnails, back to back (offsets in <see cref="Index"/>).</summary>
    public const string Preprocessed = "data/artifacts/image/preprocessed.bin";

    public const string SiftBagOfWords = "data/artifacts/image/sift-bovw.parquet";

    /// <summary>
    /// Per photo of a shard, its SIFT keypoints and descriptors (<see cref="Schema.SiftExtractionTable"/>): what a shard of
    /// ImageSift writes, as parts only; the merge fits the vocabulary on them.
    /// </summary>
    public const string SiftExtraction = "data/artifacts/image/sift-extraction.parquet";

    /// <summary>The SIFT keypoints of one photo, drawn in the report.</summary>
    public const string SiftKeypointExample = "data/artifacts/image/sift-keypoints.parquet";

    public const string ColorHistograms = "data/artifacts/image/colorhist.parquet";

    /// <summary>One embedding per usable photo by the pretrained model <paramref name="model"/> (e.g. <c>resnet18</c>).</summary>
    public static string CnnEmbedding(string model) => $"data/artifacts/image/cnn-{model}.parquet";

    /// <summary>Embeddings of augmented copies of each usable photo by the model <paramref name="model"/> (training rows of the supervised study only).</summary>
    public static string CnnAugmented(string model) => $"data/artifacts/image/cnn-{model}-augmented.parquet";

    /// <summary>The CNN embeddings side by side, each model's block scaled to the same total variance.</summary>
    public const string CnnCombined = "data/artifacts/image/cnn-combined.parquet";

    /// <summary>The pretrained models compared (one row each: scores, whether it ran, the best one).</summary>
    public const string CnnComparison = "data/artifacts/image/cnn-comparison.parquet";

    /// <summary>Per-image preprocessing results, keyed by source content, parameters and code version.</summary>
    public const string PreprocessCache = "data/cache/images/preprocess/";

    /// <summary>Per-photo record of the damage the decoder recovered from, beside the preprocessed image it qualifies.</summary>
    public const string PreprocessWarningsCache = "data/cache/images/preprocess-warnings/";

    /// <summary>Per-image SIFT keypoints and descriptors, keyed by the preprocessed image, parameters and code version.</summary>
    public const string SiftCache = "data/cache/images/sift/";

    /// <summary>Per-image CNN embeddings, keyed by the photo's content, the model's SHA-256, the input recipe and the code version.</summary>
    public const string CnnCache = "data/cache/images/cnn/";
}
