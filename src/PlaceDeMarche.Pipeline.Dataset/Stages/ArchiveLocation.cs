namespace PlaceDeMarche.Pipeline.Dataset.Stages;

/// <summary>The dataset archive once obtained: a local file, its verified content hash, and where it came from.</summary>
public sealed record ArchiveLocation(string Path, string Sha256, long Length, string Source, bool IsSample);
