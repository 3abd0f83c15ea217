using System.Text.Json;
using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Execution;

namespace PlaceDeMarche.Pipeline.Cli.Tests;

/// <summary>
/// The sample study's figures and artifacts, pinned: every numeric metric and the SHA-256 of every deterministic
/// artifact must equal <c>Golden/sample-study.json</c>. A change of results is then a visible decision: rerun with
/// <c>PDM_UPDATE_GOLDEN=1 dotnet test --filter GoldenFigures</c>, review the diff of the JSON and give the reason in
/// the commit. Left out: timings and cache counts, the PDFs and the supervised scores and metrics tables (they record times), and the
/// collection and compliance outputs (they record the network's answer and the restored packages, not the science).
/// </summary>
public sealed class GoldenFiguresTests : IDisposable
{
    private static readonly string[] NotPinnedPrefixes =
    [
        "reports/", "data/artifacts/collect/", "data/artifacts/compliance/",
        "data/artifacts/supervised/scores.parquet", "data/artifacts/supervised/metrics.parquet",
    ];

    private readonly StudyWorkspace study = new();

    public void Dispose() => study.Dispose();

    [Fact]
    public void TheSampleStudyGivesThePinnedFiguresAndArtifacts()
    {
        Assert.True(study.Run("run", "--dataset", "sample") == 0, study.Error);
        // Through text, as the pinned file is, so numbers compare as written (shortest round-trip form).
        var actual = JsonNode.Parse(Measure().ToJsonString())!.AsObject();
        var path = Path.Combine(StudyWorkspace.RepositoryRoot(), "tests", "PlaceDeMarche.Pipeline.Cli.Tests", "Golden", "sample-study.json");
        if (Environment.GetEnvironmentVariable("PDM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        var expected = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var differences = Differences(expected, actual).ToArray();
        Assert.True(
            differences.Length == 0,
            $"The sample study's results changed ({differences.Length}); if that is intended, regenerate with PDM_UPDATE_GOLDEN=1 and say why in the commit:\n"
            + string.Join("\n", differences));
    }

    private JsonObject Measure()
    {
        var metrics = new JsonObject();
        foreach (var (key, value) in study.Summary()["metrics"]!.AsObject().OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (value is JsonValue number && number.TryGetValue<double>(out var figure) && !IsRunDependent(key))
            {
                metrics[key] = figure;
            }
        }

        var artifacts = new JsonObject();
        foreach (var manifest in new ManifestStore(new Workspace(study.Root, study.DatasetId)).LoadAll().OrderBy(m => m.Stage, StringComparer.Ordinal))
        {
            foreach (var output in manifest.Outputs.Where(o => !NotPinnedPrefixes.Any(p => o.Path.StartsWith(p, StringComparison.Ordinal))))
            {
                artifacts[output.Path] = output.Sha256;
            }
        }

        return new JsonObject { ["metrics"] = metrics, ["artifacts"] = artifacts };
    }

    /// <summary>Figures of the run rather than of the results: times, and per-item cache counts (two copies of one photo
    /// processed side by side may both be computed).</summary>
    private static bool IsRunDependent(string key) =>
        key.Contains("seconds", StringComparison.Ordinal) || key.EndsWith("_ms", StringComparison.Ordinal) || key.Contains("_ms_", StringComparison.Ordinal)
        || key.EndsWith(".computed", StringComparison.Ordinal) || key.EndsWith(".reused", StringComparison.Ordinal);

    private static IEnumerable<string> Differences(JsonObject expected, JsonObject actual)
    {
        foreach (var section in new[] { "metrics", "artifacts" })
        {
            var pinned = expected[section]!.AsObject();
            var measured = actual[section]!.AsObject();
            foreach (var (key, value) in pinned)
            {
                if (!measured.TryGetPropertyValue(key, out var now))
                {
                    yield return $"{section}: {key} is gone (pinned {value})";
                }
                else if (!JsonNode.DeepEquals(value, now))
                {
                    yield return $"{section}: {key} = {now}, pinned {value}";
                }
            }

            foreach (var (key, value) in measured.Where(m => !pinned.ContainsKey(m.Key)))
            {
                yield return $"{section}: {key} = {value} is new";
            }
        }
    }
}
