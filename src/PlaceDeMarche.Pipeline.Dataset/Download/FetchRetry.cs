namespace PlaceDeMarche.Pipeline.Dataset.Download;

/// <summary>Notice that a download attempt failed and another one follows after <paramref name="Delay"/>.</summary>
/// <param name="FailedAttempt">1-based number of the attempt that failed.</param>
/// <param name="Delay">Wait before the next attempt (server's Retry-After, or exponential backoff with jitter).</param>
/// <param name="Reason">Why the attempt failed, one line.</param>
public sealed record FetchRetry(int FailedAttempt, TimeSpan Delay, string Reason);
