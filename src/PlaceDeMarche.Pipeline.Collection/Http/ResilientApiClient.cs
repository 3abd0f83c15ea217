using System.Net;
using System.Text.Json;
using PlaceDeMarche.Pipeline.Core.Logging;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>
/// GET with the safeguards a collection needs: rate limit, per-attempt timeout, retries with exponential backoff and
/// seeded jitter (honouring Retry-After), a circuit breaker, a body size limit, JSON validation with the error position,
/// and an optional response cache. Every message it logs or throws goes through the <see cref="SecretRedactor"/>.
/// </summary>
public sealed class ResilientApiClient
{
    private readonly HttpClient _http;
    private readonly ResilienceOptions _options;
    private readonly SecretRedactor _redactor;
    private readonly IClock _clock;
    private readonly RateLimiter? _rateLimiter;
    private readonly ResponseCache? _cache;
    private readonly IPipelineLog? _log;
    private readonly string? _userAgent;
    private readonly CircuitBreaker _breaker;
    private readonly Xoshiro256StarStar _jitter;
    private readonly Lock _jitterLock = new();
    private int _requests;
    private int _cacheHits;
    private int _cacheMisses;

    public ResilientApiClient(
        HttpClient http,
        ResilienceOptions options,
        SecretRedactor redactor,
        IClock clock,
        RateLimiter? rateLimiter = null,
        ResponseCache? cache = null,
        IPipelineLog? log = null,
        string? userAgent = null)
    {
        options.Validate();
        _http = http;
        _options = options;
        _redactor = redactor;
        _clock = clock;
        _rateLimiter = rateLimiter;
        _cache = cache;
        _log = log;
        _userAgent = userAgent;
        _breaker = new CircuitBreaker(options.CircuitBreakerThreshold, options.CircuitOpenDuration, clock);
        _jitter = new Xoshiro256StarStar(options.JitterSeed);
    }

    /// <summary>Network requests sent, retries included.</summary>
    public int Requests => _requests;

    public int CacheHits => _cacheHits;

    public int CacheMisses => _cacheMisses;

    public SecretRedactor Redactor => _redactor;

    /// <summary>
    /// Gets <paramref name="url"/> (from the cache when present) and parses it. A body is cached only once it parsed,
    /// so a garbage answer is never replayed. Malformed JSON raises <see cref="ApiResponseException"/> with its position.
    /// </summary>
    public async Task<T> GetJsonAsync<T>(Uri url, Func<ReadOnlyMemory<byte>, T> parse, CancellationToken cancellationToken)
    {
        var key = _redactor.Redact(url);
        if (_cache is not null)
        {
            if (_cache.TryRead(key, out var cached))
            {
                Interlocked.Increment(ref _cacheHits);
                return Parse(cached, parse, $"cached response {_cache.PathFor(key)} for {key} (delete it to fetch again)");
            }

            Interlocked.Increment(ref _cacheMisses);
        }

        var response = await GetAsync(url, _options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var result = Parse(response.Body, parse, $"response from {key}");
        _cache?.Store(key, response.Body);
        return result;
    }

    /// <summary>Gets <paramref name="url"/> from the network with retries; bodies over <paramref name="maxBytes"/> are refused.</summary>
    public async Task<ApiResponse> GetAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        var redactedUrl = _redactor.Redact(url);
        for (var attempt = 1; ; attempt++)
        {
            if (_breaker.IsOpen)
            {
                throw new ApiUnavailableException(
                    $"circuit open after {_options.CircuitBreakerThreshold} consecutive failures; not calling {redactedUrl}");
            }

            if (_rateLimiter is not null)
            {
                await _rateLimiter.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            Interlocked.Increment(ref _requests);
            string failure;
            TimeSpan? retryAfter = null;
            using (var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptCancellation.CancelAfter(_options.AttemptTimeout);
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    if (_userAgent is not null)
                    {
                        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
                    }

                    using var response = await _http
                        .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptCancellation.Token)
                        .ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        var body = await ReadLimitedAsync(response, maxBytes, redactedUrl, attemptCancellation.Token)
                            .ConfigureAwait(false);
                        _breaker.RecordSuccess();
                        return new ApiResponse(body, response.Content.Headers.ContentType?.MediaType);
                    }

                    if (!IsTransient(response.StatusCode))
                    {
                        throw new ApiResponseException(
                            $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {redactedUrl}; not retried.");
                    }

                    failure = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
                    retryAfter = RetryAfter(response);
                }
                catch (HttpRequestException exception)
                {
                    failure = "network error: " + _redactor.Redact(exception.Message);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = $"no complete answer within {_options.AttemptTimeout.TotalSeconds:0.###} s";
                }
            }

            _breaker.RecordFailure();
            if (_breaker.IsOpen)
            {
                throw new ApiUnavailableException($"circuit open after {_options.CircuitBreakerThreshold} consecutive "
                    + $"failures; last: {failure} from {redactedUrl}");
            }

            if (attempt > _options.RetryCount)
            {
                throw new ApiUnavailableException($"{failure} from {redactedUrl} (gave up after {attempt} attempts)");
            }

            var delay = retryAfter ?? Backoff(attempt);
            if (delay > _options.MaxRetryDelay)
            {
                delay = _options.MaxRetryDelay;
            }

            _log?.Warning($"{failure} from {redactedUrl}; attempt {attempt + 1} in {delay.TotalSeconds:0.###} s.");
            await _clock.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _clock.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private TimeSpan Backoff(int failedAttempt)
    {
        double jitter;
        lock (_jitterLock)
        {
            jitter = _jitter.NextDouble();
        }

        return _options.BackoffBase * (Math.Pow(2, failedAttempt - 1) * (1 + 0.5 * jitter));
    }

    private static async Task<byte[]> ReadLimitedAsync(
        HttpResponseMessage response, long maxBytes, string redactedUrl, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } announced && announced > maxBytes)
        {
            throw new ApiResponseException(
                $"response from {redactedUrl} announces {announced} bytes, over the {maxBytes}-byte limit; refused.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ApiResponseException(
                    $"response from {redactedUrl} exceeds the {maxBytes}-byte limit; refused.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static T Parse<T>(byte[] body, Func<ReadOnlyMemory<byte>, T> parse, string what)
    {
        try
        {
            return parse(body);
        }
        catch (JsonException exception) when (exception.LineNumber is { } line)
        {
            throw new ApiResponseException(
                $"malformed JSON in {what} at line {line + 1}, byte {exception.BytePositionInLine + 1} of that line "
                + "(1-based): the API answered something else than its documented JSON.", exception);
        }
        catch (JsonException exception)
        {
            throw new ApiResponseException(
                $"unexpected JSON shape in {what}: {exception.Message}", exception);
        }
    }
}
