namespace PlaceDeMarche.Pipeline.Dataset.Download;

/// <summary>A fetched, verified dataset file.</summary>
/// <param name="Path">Absolute path of the file: the download target, or the resolved local source.</param>
/// <param name="Sha256">SHA-256 of the file, lowercase hex.</param>
/// <param name="Length">Size in bytes.</param>
public sealed record FetchResult(string Path, string Sha256, long Length);
