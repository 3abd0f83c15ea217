using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>What the "Collecte et conformité" section shows, read from the Collect and Compliance artifacts.</summary>
/// <param name="Thumbnails">RGB24 thumbnail of each product (same order as <paramref name="Products"/>), or null.</param>
public sealed record CollectionReportInput(
    CollectionStatisticsRecord Statistics,
    IReadOnlyList<CollectedProductRow> Products,
    IReadOnlyList<byte[]?> Thumbnails,
    IReadOnlyList<ComplianceFindingRow> Findings,
    IReadOnlyList<LicenceRow> Licences);
