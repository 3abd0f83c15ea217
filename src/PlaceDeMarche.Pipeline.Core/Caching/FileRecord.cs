namespace PlaceDeMarche.Pipeline.Core.Caching;

/// <summary>What a manifest remembers of one file, enough to tell cheaply whether it is still intact.</summary>
public sealed record FileRecord(string Path, string Sha256, long Size, long LastWriteUtcTicks);
