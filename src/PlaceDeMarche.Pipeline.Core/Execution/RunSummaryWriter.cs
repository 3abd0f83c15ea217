using System.Text.Json;
using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>
/// Writes <c>reports/run-summary.json</c>: this run's stage outcomes and the headline metrics of every stage that is
/// current (it ran or was up to date in this run, or is still up to date with the present code, parameters and
/// inputs), so a cached run still reports them. Metrics of a stale stage are not published: the stage is listed
/// under <c>stale</c> with why and the command that refreshes it.
/// </summary>
public static class RunSummaryWriter
{
    public const string FileName = "run-summary.json";

    /// <summary>Version of the summary's layout; raised when a field is renamed or removed.</summary>
    public const int SchemaVersion = 2;

    private static readonly string[] ReportFiles = ["feasibility-report.pdf", "text-study.pdf"];

    /// <returns>The summary written (also at <c>reports/run-summary.json</c>).</returns>
    /// <param name="staleReason">Why a stage that is not in this run would run now; null when it is up to date.</param>
    /// <param name="description">The dataset, configuration and commit of the run.</param>
    public static JsonObject Write(Workspace workspace, StageGraph graph, RunLog runLog, bool succeeded, Func<string, string?> staleReason, RunDescription description)
    {
        var manifests = new ManifestStore(workspace);
        var stages = new JsonArray();
        var outcomes = runLog.Read();
        foreach (var outcome in outcomes)
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
        var stale = new JsonArray();
        var thisRun = outcomes.GroupBy(o => o.Stage).ToDictionary(g => g.Key, g => g.Last().Status);
        foreach (var stage in graph.TopologicalOrder)
        {
            var manifest = manifests.Load(stage.Name);
            if (manifest is null)
            {
                continue;
            }

            var reason = thisRun.TryGetValue(stage.Name, out var status)
                ? status == StageStatus.Failed ? "failed in this run" : null
                : staleReason(stage.Name);
            if (reason is not null)
            {
                stale.Add(new JsonObject
                {
                    ["stage"] = stage.Name,
                    ["reason"] = reason,
                    ["refresh"] = $"dotnet cake --target={stage.Name}",
                });
                continue;
            }

            foreach (var (key, value) in manifest.Metrics)
            {
                metrics[key] = value?.DeepClone();
            }
        }

        var path = Path.Combine(workspace.ReportsDirectory, FileName);
        string Relative(string file) => Path.GetRelativePath(workspace.Root, file).Replace('\\', '/');
        var summary = new JsonObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["runId"] = runLog.RunId,
            ["startedAt"] = description.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["finishedAt"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["commit"] = description.Commit,
            ["configurationSha256"] = description.ConfigurationSha256,
            ["dataset"] = new JsonObject { ["id"] = description.DatasetId, ["source"] = description.DatasetSource },
            ["succeeded"] = succeeded,
            ["verdict"] = metrics["report.verdict"]?.DeepClone(),
            ["outputs"] = new JsonObject
            {
                ["summary"] = Relative(path),
                ["reports"] = new JsonArray([.. ReportFiles.Select(name => Path.Combine(workspace.ReportsDirectory, name)).Where(File.Exists).Select(file => (JsonNode)Relative(file))]),
                ["artifacts"] = Relative(workspace.ArtifactsDirectory),
            },
            ["stages"] = stages,
            ["metrics"] = metrics,
            ["stale"] = stale,
        };
        AtomicFile.WriteAllText(path, summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return summary;
    }
}
