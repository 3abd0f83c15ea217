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

    /// <summary>The SIFT keypoints of one photo, drawn in the report.</summary>
    public const string SiftKeypointExample = "data/artifacts/image/sift-keypoints.parquet";

    public const string ColorHistograms = "data/artifacts/image/colorhist.parquet";

    /// <summary>Per-image preprocessing results, keyed by source content, parameters and code version.</summary>
    public const string PreprocessCache = "data/cache/images/preprocess/";

    /// <summary>Per-photo record of the damage the decoder recovered from, beside the preprocessed image it qualifies.</summary>
    public const string PreprocessWarningsCache = "data/cache/images/preprocess-warnings/";

    /// <summary>Per-image SIFT keypoints and descriptors, keyed by the preprocessed image, parameters and code version.</summary>
    public const string SiftCache = "data/cache/images/sift/";
}
