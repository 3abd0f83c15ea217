using System.Diagnostics;

namespace PlaceDeMarche.Pipeline.Core.Stages;

/// <summary>
/// How far a running stage is: items done of a total (photos, products, seeds…), reported by the stage from any
/// thread, read by the runner's heartbeat. Lock-free: a report is two writes, cheap enough for a per-item loop.
/// </summary>
public sealed class StageProgress
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long done;
    private long total;
    private string unit = "";

    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>Sets the total before the items start (unit in French plural, e.g. "photos", "graines").</summary>
    public void Start(long itemTotal, string itemUnit)
    {
        unit = itemUnit;
        Interlocked.Exchange(ref done, 0);
        Interlocked.Exchange(ref total, itemTotal);
    }

    /// <summary>One more item done (from any thread).</summary>
    public void Advance() => Interlocked.Increment(ref done);

    /// <summary>"412/1047 photos", or null before the stage gave a total.</summary>
    public string? Describe()
    {
        var all = Interlocked.Read(ref total);
        return all > 0 ? $"{Math.Min(Interlocked.Read(ref done), all)}/{all} {unit}" : null;
    }
}
