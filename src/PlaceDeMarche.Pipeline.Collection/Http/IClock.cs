namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>Time and waiting, injectable so that tests of rate limits and backoff run instantly.</summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }

    Task Delay(TimeSpan delay, CancellationToken cancellationToken);
}
