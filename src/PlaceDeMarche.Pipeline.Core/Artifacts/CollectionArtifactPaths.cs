namespace PlaceDeMarche.Pipeline.Core.Artifacts;

/// <summary>
/// Artifact paths of the collection (API products) and compliance (RGPD, secrets, licences) stages, kept apart from
/// <see cref="ArtifactPaths"/> so that those families can evolve without touching the shared list.
/// </summary>
public static class CollectionArtifactPaths
{
    /// <summary>Collected products, the brief's fields plus source and licence.</summary>
    public const string Collected = "data/artifacts/collect/collected.parquet";

    /// <summary>One row: how the collection ended and what it cost (requests, cache hits, pages, reason).</summary>
    public const string CollectionStatistics = "data/artifacts/collect/requests.parquet";

    /// <summary>Downloaded product images and their thumbnails (empty when image download is off or failed).</summary>
    public const string CollectedImages = "data/artifacts/collect/images/";

    /// <summary>PII and secret findings, masked.</summary>
    public const string ComplianceFindings = "data/artifacts/compliance/findings.parquet";

    /// <summary>The licence manifest with each entry's policy status (ok, waived, violation) and waiver reason.</summary>
    public const string LicenceManifest = "data/artifacts/compliance/licences.parquet";
}
