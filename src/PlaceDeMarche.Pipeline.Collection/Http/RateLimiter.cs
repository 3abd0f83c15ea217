namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>
/// Sliding-window limiter: at most <c>permits</c> requests in any <c>window</c>
/// (Open Food Facts asks for no more than 10 searches per minute).
/// </summary>
public sealed class RateLimiter
{
    private readonly int _permits;
    private readonly TimeSpan _window;
    private readonly IClock _clock;
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public RateLimiter(int permits, TimeSpan window, IClock clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permits);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _permits = permits;
        _window = window;
        _clock = clock;
    }

    /// <summary>
    /// Waits until one more request fits in the window, then counts it; returns false at once, counting nothing,
    /// when that would take longer than <paramref name="maxWait"/>.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = _clock.UtcNow;
                while (_recent.Count > 0 && now - _recent.Peek() >= _window)
                {
                    _recent.Dequeue();
                }

                if (_recent.Count < _permits)
                {
                    _recent.Enqueue(now);
                    return true;
                }

                var wait = _recent.Peek() + _window - now;
                if (wait > maxWait)
                {
                    return false;
                }

                await _clock.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
