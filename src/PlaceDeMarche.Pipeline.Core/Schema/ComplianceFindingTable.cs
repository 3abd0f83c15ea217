using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>Reads and writes <c>compliance/findings.parquet</c>.</summary>
public static class ComplianceFindingTable
{
    public static void Write(string path, IReadOnlyList<ComplianceFindingRow> rows) => ParquetArtifact.Write(path,
    [
        new StringColumn("scan", rows.Select(r => r.Scan).ToArray()),
        new StringColumn("location", rows.Select(r => r.Location).ToArray()),
        new StringColumn("field", rows.Select(r => r.Field).ToArray()),
        new StringColumn("kind", rows.Select(r => r.Kind).ToArray()),
        new StringColumn("masked", rows.Select(r => r.Masked).ToArray()),
    ]);

    public static IReadOnlyList<ComplianceFindingRow> Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        var scans = table.GetStrings("scan");
        var locations = table.GetStrings("location");
        var fields = table.GetStrings("field");
        var kinds = table.GetStrings("kind");
        var masked = table.GetStrings("masked");
        return Enumerable.Range(0, scans.Length)
            .Select(i => new ComplianceFindingRow(scans[i]!, locations[i]!, fields[i]!, kinds[i]!, masked[i]!))
            .ToArray();
    }
}
