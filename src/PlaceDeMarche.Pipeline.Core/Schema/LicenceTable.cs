using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>Reads and writes <c>compliance/licences.parquet</c>.</summary>
public static class LicenceTable
{
    public static void Write(string path, IReadOnlyList<LicenceRow> rows) => ParquetArtifact.Write(path,
    [
        new StringColumn("component", rows.Select(r => r.Component).ToArray()),
        new StringColumn("licence", rows.Select(r => r.Licence).ToArray()),
        new StringColumn("obligations", rows.Select(r => r.Obligations).ToArray()),
        new StringColumn("source", rows.Select(r => r.Source).ToArray()),
        new StringColumn("status", rows.Select(r => r.Status).ToArray()),
        new StringColumn("note", rows.Select(r => r.Note).ToArray()),
        new PrimitiveColumn<bool>("must_not_redistribute", rows.Select(r => r.MustNotRedistribute).ToArray()),
        new PrimitiveColumn<bool>("requires_attribution", rows.Select(r => r.RequiresAttribution).ToArray()),
        new PrimitiveColumn<bool>("copyleft", rows.Select(r => r.Copyleft).ToArray()),
    ]);

    public static IReadOnlyList<LicenceRow> Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        var components = table.GetStrings("component");
        var licences = table.GetStrings("licence");
        var obligations = table.GetStrings("obligations");
        var sources = table.GetStrings("source");
        var statuses = table.GetStrings("status");
        var notes = table.GetStrings("note");
        var noRedistribution = table.GetBooleans("must_not_redistribute");
        var attribution = table.GetBooleans("requires_attribution");
        var copyleft = table.GetBooleans("copyleft");
        return Enumerable.Range(0, components.Length)
            .Select(i => new LicenceRow(components[i]!, licences[i]!, obligations[i]!, sources[i]!, statuses[i]!, notes[i]!,
                noRedistribution[i], attribution[i], copyleft[i]))
            .ToArray();
    }
}
