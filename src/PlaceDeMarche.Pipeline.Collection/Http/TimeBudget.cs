namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>
/// The time a whole collection may take, shared by every client it uses (search pages and images), so that no
/// combination of timeouts, retries and waits can stall the study beyond it. It starts when created.
/// </summary>
public sealed class TimeBudget
{
    private readonly IClock _clock;
    private readonly DateTimeOffset _deadline;

    public TimeBudget(TimeSpan total, IClock clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(total, TimeSpan.Zero, nameof(total));
        Total = total;
        _clock = clock;
        _deadline = clock.UtcNow + total;
    }

    public TimeSpan Total { get; }

    public TimeSpan Remaining
    {
        get
        {
            var left = _deadline - _clock.UtcNow;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }
}
