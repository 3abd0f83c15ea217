namespace PlaceDeMarche.Pipeline.Core.Caching;

/// <summary>
/// One declared output of a stage run: a file, or a folder (path ending in '/') with its file listing.
/// <see cref="Sha256"/> is what downstream fingerprints use as this artifact's identity.
/// </summary>
public sealed record OutputRecord(string Path, string Sha256, long Size, long LastWriteUtcTicks, IReadOnlyList<FileRecord>? Files);
