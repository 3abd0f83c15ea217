using PlaceDeMarche.Pipeline.Imaging.Augmentation;

namespace PlaceDeMarche.Pipeline.Imaging.Embeddings;

/// <summary>One photo to embed: its content hash (the cache key's base), its file, and the variant to embed (null: the photo as is).</summary>
public sealed record CnnPhotoRequest(string SourceSha256, string Path, PhotoAugmentation? Augmentation = null);
