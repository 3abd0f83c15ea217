using System.Globalization;
using System.Text.Json;
using PlaceDeMarche.Pipeline.Core.Artifacts;

namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>
/// The outcomes of one run (one <c>dotnet cake</c> invocation), one JSON line per stage. Stages may run in their
/// own processes or side by side in one, so outcomes are appended to a file named after the run id rather than kept in memory.
/// </summary>
public sealed class RunLog
{
    private readonly string path;
    private readonly Lock gate = new();

    public RunLog(Workspace workspace, string runId)
    {
        if (runId.Length == 0 || runId.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
        {
            throw new ArgumentException($"Run id '{runId}' may only contain letters, digits, '-' and '_'.", nameof(runId));
        }

        RunId = runId;
        path = Path.Combine(workspace.RunsDirectory, runId + ".jsonl");
        StartedAt = DateTimeOffset.TryParseExact(
            runId.Split('-')[0], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started)
            ? started
            : DateTimeOffset.UtcNow;
    }

    public string RunId { get; }

    /// <summary>When the run started: the time its id begins with (ids are made so), else when this log was opened.</summary>
    public DateTimeOffset StartedAt { get; }

    public void Append(StageOutcome outcome)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var line = JsonSerializer.Serialize(outcome, RunJson.Options) + "\n";
        lock (gate)
        {
            File.AppendAllText(path, line);
        }
    }

    public IReadOnlyList<StageOutcome> Read() =>
        File.Exists(path)
            ? File.ReadAllLines(path)
                .Where(l => l.Length > 0)
                .Select(l => JsonSerializer.Deserialize<StageOutcome>(l, RunJson.Options)!)
                .ToArray()
            : [];
}
