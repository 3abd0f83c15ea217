namespace PlaceDeMarche.Pipeline.Dataset.Stages;

/// <summary>The <c>dataset</c> section of pipeline.yaml: where the archive comes from and the limits applied to it.</summary>
public sealed class DatasetParameters
{
    /// <summary>An http(s) URL, a local path, or <c>sample</c> for the archive committed in <c>data/sample/</c>.</summary>
    public string Source { get; set; } = "sample";

    /// <summary>Expected SHA-256 of <see cref="Source"/>; empty = not pinned (the checksum is still recorded).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Checksums of known copies, pinned per file name (copies of the archive differ between sources).</summary>
    public List<KnownArchive> KnownArchives { get; set; } = [];

    public long MaxDownloadBytes { get; set; } = 1L << 30;

    public long MaxExtractedBytes { get; set; } = 2L << 30;

    public int MaxEntries { get; set; } = 20_000;

    public int DownloadRetries { get; set; } = 4;

    public int DownloadTimeoutSeconds { get; set; } = 120;
}
