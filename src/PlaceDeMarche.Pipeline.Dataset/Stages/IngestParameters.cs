namespace PlaceDeMarche.Pipeline.Dataset.Stages;

/// <summary>The <c>ingest</c> section of pipeline.yaml.</summary>
public sealed class IngestParameters
{
    /// <summary>Folder of product photos, beside the archive's product CSV.</summary>
    public required string ImagesFolder { get; set; }
}
