using System.Collections.Concurrent;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>The stages running now and their progress, shared by the stage runner (writes) and the heartbeat (reads).</summary>
public sealed class ProgressBoard
{
    private readonly ConcurrentDictionary<string, StageProgress> running = new(StringComparer.Ordinal);

    public void Enter(string stage, StageProgress progress) => running[stage] = progress;

    public void Leave(string stage) => running.TryRemove(stage, out _);

    /// <summary>One line per running stage, in name order: "ImageSift: 412/1047 photos, 1 min 05 s".</summary>
    public IReadOnlyList<string> Describe() =>
        running.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => $"{r.Key}: {(r.Value.Describe() is { } items ? items + ", " : "")}{Duration.Format(r.Value.Elapsed)}")
            .ToArray();
}
