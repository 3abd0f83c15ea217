using System.Diagnostics;

namespace PlaceDeMarche.Pipeline.Core.Logging;

/// <summary>
/// Reports "done/total" for a long loop at most about once a second (thread-safe), then a final line with the
/// elapsed time. Safe to call from parallel loops.
/// </summary>
public sealed class ProgressReporter
{
    private static readonly long Interval = Stopwatch.Frequency;

    private readonly IPipelineLog log;
    private readonly string activity;
    private readonly int total;
    private readonly Stopwatch stopwatch = Stopwatch.StartNew();
    private int done;
    private long lastReport;

    public ProgressReporter(IPipelineLog log, string activity, int total)
    {
        this.log = log;
        this.activity = activity;
        this.total = total;
    }

    public void Advance(int count = 1)
    {
        var now = Interlocked.Add(ref done, count);
        var ticks = stopwatch.ElapsedTicks;
        var last = Interlocked.Read(ref lastReport);
        if (ticks - last >= Interval && Interlocked.CompareExchange(ref lastReport, ticks, last) == last)
        {
            log.Progress($"{activity} {now}/{total} ({100.0 * now / Math.Max(total, 1):F0}%)");
        }
    }

    public void Complete() => log.Info($"{activity} {Volatile.Read(ref done)}/{total} in {stopwatch.Elapsed.TotalSeconds:F1} s");
}
