using System.Globalization;
using System.Text.Json;

namespace PlaceDeMarche.Pipeline.ArtifactCheck;

/// <summary>Checks <c>reports/run-summary.json</c> after a CI run of the study: success, every stage in the expected status.</summary>
public static class RunSummaryCheck
{
    /// <summary>The problems found; <paramref name="expectedStatus"/> is "ran" (cold run) or "up-to-date" (warm run).</summary>
    public static IReadOnlyList<string> Check(string summaryPath, string expectedStatus, TextWriter log)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(summaryPath));
        var root = document.RootElement;
        var problems = new List<string>();
        if (!root.TryGetProperty("succeeded", out var succeeded) || succeeded.ValueKind != JsonValueKind.True)
        {
            problems.Add("the run did not succeed");
        }

        var stages = root.TryGetProperty("stages", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToArray() : [];
        if (stages.Length == 0)
        {
            problems.Add("no stage outcome recorded");
        }

        foreach (var stage in stages)
        {
            var name = stage.GetProperty("name").GetString();
            var status = stage.GetProperty("status").GetString();
            if (status != expectedStatus)
            {
                problems.Add($"stage {name} is '{status}', expected '{expectedStatus}' ({stage.GetProperty("reason")})");
            }

            if (!stage.TryGetProperty("seconds", out var seconds) || seconds.ValueKind != JsonValueKind.Number)
            {
                problems.Add($"stage {name} has no duration");
                continue;
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} {status,-11} {seconds.GetDouble():F2} s"));
        }

        double? ari = root.TryGetProperty("metrics", out var metrics) && metrics.TryGetProperty("text.tfidf.ari_mean", out var value)
            && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
        if (ari is not (>= -1 and <= 1))
        {
            problems.Add($"metrics['text.tfidf.ari_mean'] is {ari?.ToString(CultureInfo.InvariantCulture) ?? "missing"}");
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  text TF-IDF ARI (mean over the seeds): {ari}"));
        return problems;
    }
}
