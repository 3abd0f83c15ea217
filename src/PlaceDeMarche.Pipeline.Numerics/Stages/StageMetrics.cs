using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>A stage's headline numbers, kept twice: in a metric artifact the report reads, and in the run summary.</summary>
internal static class StageMetrics
{
    /// <summary>Writes <paramref name="metrics"/> to <paramref name="path"/> and publishes each as <c>prefix.key</c>
    /// (rounded to 6 decimals, enough for the summary).</summary>
    public static void WriteAndPublish(StageContext context, string path, string prefix, IReadOnlyList<KeyValuePair<string, double>> metrics)
    {
        MetricTable.Write(path, metrics);
        foreach (var (key, value) in metrics)
        {
            context.PublishMetric($"{prefix}.{key}", Math.Round(value, 6));
        }
    }
}
