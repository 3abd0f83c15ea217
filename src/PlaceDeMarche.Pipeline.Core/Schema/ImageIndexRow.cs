namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>One product of <c>image/index.parquet</c>: is its photo usable, why not, where its preprocessed pixels are.</summary>
/// <param name="SourceSha256">SHA-256 of the photo file, empty when there is no readable file.</param>
/// <param name="Status"><see cref="Usable"/> or <see cref="Unusable"/>.</param>
/// <param name="Reason">Why the photo is unusable (missing, corrupt, truncated, too large…); for a usable photo, the
/// damage the decoder recovered from, or empty.</param>
/// <param name="Width">Width of the upright original photo, 0 when unknown.</param>
/// <param name="Height">Height of the upright original photo, 0 when unknown.</param>
/// <param name="CacheKey">Key of the per-image cache entry, empty when unusable.</param>
/// <param name="Offset">Byte offset of the entry in <c>image/preprocessed.bin</c>.</param>
/// <param name="Length">Byte length of that entry, 0 when unusable.</param>
public sealed record ImageIndexRow(
    string Id,
    string Category,
    string SourceSha256,
    string Status,
    string Reason,
    int Width,
    int Height,
    string CacheKey,
    long Offset,
    long Length)
{
    public const string Usable = "ok";

    public const string Unusable = "unusable";

    public bool IsUsable => Status == Usable;
}
