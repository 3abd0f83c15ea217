using PlaceDeMarche.Pipeline.Core.Schema.Columns;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>Named numeric results of a stage (e.g. "ari" → 0.52), in a stable order.</summary>
public static class MetricTable
{
    public static void Write(string path, IReadOnlyList<KeyValuePair<string, double>> metrics) => ParquetArtifact.Write(path,
    [
        new StringColumn("metric", metrics.Select(m => m.Key).ToArray()),
        new PrimitiveColumn<double>("value", metrics.Select(m => m.Value).ToArray()),
    ]);

    public static IReadOnlyDictionary<string, double> Read(string path)
    {
        var table = ParquetArtifact.Read(path);
        var names = table.GetStrings("metric");
        var values = table.GetDoubles("value");
        return names.Select((name, i) => (name!, values[i])).ToDictionary(p => p.Item1, p => p.Item2);
    }
}
