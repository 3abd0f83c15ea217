using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>What one shard of ImageSift extracted: per usable photo, its keypoint count and the key of its descriptors in the per-photo cache.</summary>
public sealed record SiftExtractionTable(string[] Ids, int[] Keypoints, string[] CacheKeys)
{
    public void Write(string path) => ParquetArtifact.Write(path,
    [
        new StringColumn("id", Ids),
        new PrimitiveColumn<int>("keypoints", Keypoints),
        new StringColumn("cache_key", CacheKeys),
    ]);
}
