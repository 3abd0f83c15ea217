namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>Where the dataset archive came from and what it was: <c>archive.parquet</c>, one row.</summary>
public sealed record ArchiveRecord(string Source, string FileName, string Sha256, long Bytes, bool IsSample, int Files);
