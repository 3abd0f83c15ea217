namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>
/// Stops calling an API that keeps failing: after <c>threshold</c> consecutive failed attempts the circuit opens and
/// requests fail at once until <c>openDuration</c> has passed; then one trial attempt is allowed.
/// </summary>
public sealed class CircuitBreaker
{
    private readonly int _threshold;
    private readonly TimeSpan _openDuration;
    private readonly IClock _clock;
    private readonly Lock _lock = new();
    private int _consecutiveFailures;
    private DateTimeOffset? _openedAt;

    public CircuitBreaker(int threshold, TimeSpan openDuration, IClock clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        _threshold = threshold;
        _openDuration = openDuration;
        _clock = clock;
    }

    public bool IsOpen
    {
        get
        {
            lock (_lock)
            {
                return _openedAt is { } openedAt && _clock.UtcNow - openedAt < _openDuration;
            }
        }
    }

    public void RecordSuccess()
    {
        lock (_lock)
        {
            _consecutiveFailures = 0;
            _openedAt = null;
        }
    }

    public void RecordFailure()
    {
        lock (_lock)
        {
            _consecutiveFailures++;
            if (_consecutiveFailures >= _threshold)
            {
                _openedAt = _clock.UtcNow;
            }
        }
    }
}
