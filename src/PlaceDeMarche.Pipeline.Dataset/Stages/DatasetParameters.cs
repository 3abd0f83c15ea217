namespace PlaceDeMarche.Pipeline.Dataset.Stages;

/// <summary>The <c>dataset</c> section of pipeline.yaml: where the archive comes from and the limits applied to it.</summary>
public sealed class DatasetParameters
{
    /// <summary>An http(s) URL, a local path, or <c>sample</c> for the archive committed in <c>data/sample/</c>.</summary>
    public required string Source { get; set; }

    /// <summary>Expected SHA-256 of <see cref="Source"/>; empty = not pinned (the checksum is still recorded).</summary>
    public required string Sha256 { get; set; }

    /// <summary>Checksums of known copies, pinned per file name (copies of the archive differ between sources).</summary>
    public required List<KnownArchive> KnownArchives { get; set; }

    public required long MaxDownloadBytes { get; set; }

    public required long MaxExtractedBytes { get; set; }

    public required int MaxEntries { get; set; }

    public required int DownloadRetries { get; set; }

    public required int DownloadTimeoutSeconds { get; set; }
}
