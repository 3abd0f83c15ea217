namespace PlaceDeMarche.Pipeline.Dataset.Download;

/// <summary>Limits, retry policy and verification for <see cref="DatasetFetcher"/>.</summary>
public sealed record FetchOptions
{
    /// <summary>Largest accepted body in bytes; larger downloads are refused (announced or streamed).</summary>
    public long MaxBytes { get; init; } = 1L << 30;

    /// <summary>Attempts after the first one for transient failures (network errors, timeouts, 408, 429, 5xx).</summary>
    public int RetryCount { get; init; } = 4;

    /// <summary>Backoff before the first retry; doubles at each retry, plus up to 50 % random jitter.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound on any wait between attempts, including a server's Retry-After.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Time allowed for one attempt, headers and body included.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Expected SHA-256 (64 hex digits, any case), or null to skip verification.</summary>
    public string? ExpectedSha256 { get; init; }

    /// <summary>Called as bytes arrive with (bytes done, total bytes when the server announced it).</summary>
    public Action<long, long?>? Progress { get; init; }

    /// <summary>Called before waiting for a retry, e.g. to log it.</summary>
    public Action<FetchRetry>? OnRetry { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBytes, nameof(MaxBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(RetryCount, nameof(RetryCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(BackoffBase, TimeSpan.Zero, nameof(BackoffBase));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, TimeSpan.Zero, nameof(MaxRetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero, nameof(AttemptTimeout));
        if (ExpectedSha256 is { } sha && (sha.Length != 64 || !sha.All(char.IsAsciiHexDigit)))
        {
            throw new ArgumentException(
                $"FetchOptions.ExpectedSha256 must be 64 hexadecimal digits, got '{sha}'.", nameof(ExpectedSha256));
        }
    }
}
