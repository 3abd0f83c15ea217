using System.Text.Json;
using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>
/// Writes <c>reports/run-summary.json</c>: this run's stage outcomes and the headline metrics of every stage that
/// has a manifest (metrics of up-to-date stages come from their last run, so a cached run still reports them).
/// </summary>
public static class RunSummaryWriter
{
    public const string FileName = "run-summary.json";

    /// <returns>The summary written (also at <c>reports/run-summary.json</c>).</returns>
    public static JsonObject Write(Workspace workspace, StageGraph graph, RunLog runLog, bool succeeded)
    {
        var manifests = new ManifestStore(workspace);
        var stages = new JsonArray();
        foreach (var outcome in runLog.Read())
        {
            stages.Add(new JsonObject
            {
                ["name"] = outcome.Stage,
                ["status"] = JsonSerializer.SerializeToNode(outcome.Status, RunJson.Options),
                ["seconds"] = Math.Round(outcome.Seconds, 3),
                ["reason"] = outcome.Reason,
            });
        }

        var metrics = new JsonObject();
        foreach (var stage in graph.TopologicalOrder)
        {
            foreach (var (key, value) in manifests.Load(stage.Name)?.Metrics ?? new Dictionary<string, JsonNode?>())
            {
                metrics[key] = value?.DeepClone();
            }
        }

        var summary = new JsonObject
        {
            ["runId"] = runLog.RunId,
            ["succeeded"] = succeeded,
            ["stages"] = stages,
            ["metrics"] = metrics,
        };
        var path = Path.Combine(workspace.ReportsDirectory, FileName);
        AtomicFile.WriteAllText(path, summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return summary;
    }
}
