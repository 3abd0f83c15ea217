using System.Collections.Concurrent;
using PlaceDeMarche.Pipeline.Collection.Http;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

/// <summary>A clock whose waits return at once and move time forward; records every wait.</summary>
internal sealed class FakeClock : IClock
{
    private long _ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public DateTimeOffset UtcNow => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        Delays.Enqueue(delay);
        Interlocked.Add(ref _ticks, delay.Ticks);
        return Task.CompletedTask;
    }
}
