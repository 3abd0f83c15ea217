namespace PlaceDeMarche.Pipeline.Dataset.Stages;

/// <summary>A copy of the dataset archive identified by its file name, with its expected checksum (empty = unknown).</summary>
public sealed class KnownArchive
{
    public required string FileName { get; set; }

    public required string Sha256 { get; set; }
}
