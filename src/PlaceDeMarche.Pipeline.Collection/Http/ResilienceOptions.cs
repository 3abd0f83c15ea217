namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>Timeouts, retries, circuit breaker and size limits for <see cref="ResilientApiClient"/>.</summary>
public sealed record ResilienceOptions
{
    /// <summary>Time allowed for one attempt, headers and body included.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts after the first one for transient failures (network errors, timeouts, 408, 429, 5xx).</summary>
    public int RetryCount { get; init; } = 4;

    /// <summary>Backoff before the first retry; doubles at each retry, plus up to 50 % jitter.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Longest Retry-After honoured: a server asking for a longer wait ("come back tomorrow") ends the request at once
    /// instead of stalling the caller.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Seed of the jitter, so that a run's waits are reproducible.</summary>
    public ulong JitterSeed { get; init; } = 42;

    /// <summary>Consecutive failed attempts (across requests) that open the circuit.</summary>
    public int CircuitBreakerThreshold { get; init; } = 5;

    /// <summary>How long an open circuit refuses requests before allowing a trial one.</summary>
    public TimeSpan CircuitOpenDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest accepted JSON body; API pages are a few hundred kB at most.</summary>
    public long MaxBodyBytes { get; init; } = 8L << 20;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero, nameof(AttemptTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(RetryCount, nameof(RetryCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(BackoffBase, TimeSpan.Zero, nameof(BackoffBase));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryAfter, TimeSpan.Zero, nameof(MaxRetryAfter));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CircuitBreakerThreshold, nameof(CircuitBreakerThreshold));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBodyBytes, nameof(MaxBodyBytes));
    }
}
