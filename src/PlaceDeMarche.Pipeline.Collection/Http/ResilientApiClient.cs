using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>
/// GET with the safeguards a collection needs: rate limit, per-attempt timeout (headers and body), retries of transient
/// failures with exponential backoff and seeded jitter (honouring a short Retry-After, giving up at once on a long
/// one), a circuit breaker, an optional time budget shared with other clients, a body size limit, content-type,
/// UTF-8 and JSON validation with the error position, and an optional response cache. Every failure ends as an
/// <see cref="ApiException"/> carrying a reason code; every message it logs or throws goes through the
/// <see cref="SecretRedactor"/>.
/// </summary>
public sealed class ResilientApiClient
{
    private readonly HttpClient _http;
    private readonly ResilienceOptions _options;
    private readonly SecretRedactor _redactor;
    private readonly IClock _clock;
    private readonly RateLimiter? _rateLimiter;
    private readonly ResponseCache? _cache;
    private readonly string? _userAgent;
    private readonly TimeBudget? _budget;
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
        string? userAgent = null,
        TimeBudget? budget = null)
    {
        options.Validate();
        _http = http;
        _options = options;
        _redactor = redactor;
        _clock = clock;
        _rateLimiter = rateLimiter;
        _cache = cache;
        _userAgent = userAgent;
        _budget = budget;
        _breaker = new CircuitBreaker(options.CircuitBreakerThreshold, options.CircuitOpenDuration, clock);
        _jitter = new Xoshiro256StarStar(options.JitterSeed);
    }

    /// <summary>Network requests sent, retries included.</summary>
    public int Requests => _requests;

    public int CacheHits => _cacheHits;

    public int CacheMisses => _cacheMisses;

    public SecretRedactor Redactor => _redactor;

    /// <summary>
    /// Gets <paramref name="url"/> (from the cache when present) and parses it. A network body must be declared JSON
    /// (or undeclared) and be valid UTF-8; it is cached only once it parsed, so a garbage answer is never replayed.
    /// Malformed JSON raises <see cref="ApiResponseException"/> with its position.
    /// </summary>
    public async Task<T> GetJsonAsync<T>(Uri url, Func<ReadOnlyMemory<byte>, T> parse, CancellationToken cancellationToken)
    {
        var key = _redactor.Redact(url);
        if (_cache is not null)
        {
            if (_cache.TryRead(key, out var cached))
            {
                Interlocked.Increment(ref _cacheHits);
                return Parse(cached, parse, $"cached response {_cache.PathFor(key)} (delete it to fetch again)");
            }

            Interlocked.Increment(ref _cacheMisses);
        }

        var response = await GetAsync(url, _options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var what = "response from " + Where(url);
        if (response.MediaType is { } mediaType && !IsJson(mediaType))
        {
            throw new ApiResponseException(
                new ApiFailure(CollectionReasonCodes.ContentType, $"content type '{mediaType}', not JSON", IsTransient: false),
                $"{what} is '{mediaType}', not JSON; not used.");
        }

        if (FirstInvalidUtf8(response.Body) is { } offset)
        {
            throw new ApiResponseException(
                new ApiFailure(CollectionReasonCodes.InvalidEncoding, "body is not UTF-8", IsTransient: false),
                $"{what} is not valid UTF-8 (first invalid byte at offset {offset.ToString(CultureInfo.InvariantCulture)}"
                + (response.Charset is { } charset ? $", declared charset '{charset}'" : "") + "); JSON must be UTF-8.");
        }

        var result = Parse(response.Body, parse, what);
        _cache?.Store(key, response.Body);
        return result;
    }

    /// <summary>Gets <paramref name="url"/> from the network with retries; bodies over <paramref name="maxBytes"/> are refused.</summary>
    public async Task<ApiResponse> GetAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        var where = Where(url);
        for (var attempt = 1; ; attempt++)
        {
            if (_breaker.IsOpen)
            {
                throw new ApiUnavailableException(
                    new ApiFailure(CollectionReasonCodes.CircuitOpen, "circuit open", IsTransient: false),
                    $"circuit open after {_options.CircuitBreakerThreshold} consecutive failures; not calling {where}");
            }

            var remaining = _budget?.Remaining ?? TimeSpan.MaxValue;
            if (remaining <= TimeSpan.Zero
                || (_rateLimiter is not null && !await _rateLimiter.WaitAsync(remaining, cancellationToken).ConfigureAwait(false)))
            {
                throw BudgetSpent(where, attempt - 1);
            }

            Interlocked.Increment(ref _requests);
            var outcome = await AttemptAsync(url, maxBytes, where, cancellationToken).ConfigureAwait(false);
            if (outcome.Response is { } response)
            {
                _breaker.RecordSuccess();
                return response;
            }

            var problem = outcome.Failure!;
            if (problem.Code is CollectionReasonCodes.HttpStatus or CollectionReasonCodes.Redirects && !problem.IsTransient)
            {
                // The server answered clearly: not a fault of the connection, so the circuit does not count it.
                throw new ApiResponseException(problem, $"{problem.Detail} from {where}; not retried.");
            }

            _breaker.RecordFailure();
            if (!problem.IsTransient)
            {
                throw new ApiUnavailableException(problem, $"{problem.Detail} from {where}; not retried.");
            }

            // A server asking for a long pause means "come back later": waiting would only stall the study.
            remaining = _budget?.Remaining ?? TimeSpan.MaxValue;
            if (problem.RetryAfter is { } asked && (asked > _options.MaxRetryAfter || asked > remaining))
            {
                var limit = asked > _options.MaxRetryAfter ? _options.MaxRetryAfter : remaining;
                throw new ApiUnavailableException(problem with { Code = CollectionReasonCodes.RetryAfter, IsTransient = false },
                    $"the API asks to retry after {Seconds(asked)} ({problem.Detail} from {where}), longer than the "
                    + $"{Seconds(limit)} the collection may wait; not retried");
            }

            if (_breaker.IsOpen)
            {
                throw new ApiUnavailableException(problem with { Code = CollectionReasonCodes.CircuitOpen },
                    $"circuit open after {_options.CircuitBreakerThreshold} consecutive failures; last: {problem.Detail} from {where}");
            }

            if (attempt > _options.RetryCount)
            {
                throw new ApiUnavailableException(problem, $"{problem.Detail} from {where} (gave up after {attempt} attempts)");
            }

            var delay = problem.RetryAfter ?? Backoff(attempt);
            if (delay > remaining)
            {
                throw new ApiUnavailableException(problem,
                    $"{problem.Detail} from {where} (gave up after {attempt} attempts: the collection's {Seconds(_budget!.Total)} budget "
                    + $"leaves {Seconds(remaining)}, less than the {Seconds(delay)} wait before the next one)");
            }

            await _clock.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One request: the response, or why there is none. Throws only <see cref="ApiResponseException"/> for a body that
    /// will not become acceptable by asking again (too large, encoded in a way the client cannot read).
    /// </summary>
    private async Task<(ApiResponse? Response, ApiFailure? Failure)> AttemptAsync(
        Uri url, long maxBytes, string where, CancellationToken cancellationToken)
    {
        var remaining = _budget?.Remaining ?? TimeSpan.MaxValue;
        var timeout = remaining < _options.AttemptTimeout ? remaining : _options.AttemptTimeout;
        using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptCancellation.CancelAfter(timeout);
        var readingBody = false;
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
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                readingBody = true;
                var body = await ReadLimitedAsync(response, maxBytes, where, attemptCancellation.Token).ConfigureAwait(false);
                var contentType = response.Content.Headers.ContentType;
                return (new ApiResponse(body, contentType?.MediaType, contentType?.CharSet), null);
            }

            if (status is >= 300 and < 400)
            {
                return (null, new ApiFailure(CollectionReasonCodes.Redirects,
                    $"still a redirect (HTTP {status}) after the redirects the client follows: a loop, or a redirect it does not follow",
                    IsTransient: false, status));
            }

            return (null, new ApiFailure(CollectionReasonCodes.HttpStatus, $"HTTP {status} {response.ReasonPhrase}",
                IsTransient(response.StatusCode), status, RetryAfter(response)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var what = readingBody ? "the body did not finish" : "no response headers";
            var within = timeout < _options.AttemptTimeout
                ? $"within the {Seconds(timeout)} left of the collection's {Seconds(_budget!.Total)} budget"
                : $"within {Seconds(timeout)}";
            return (null, new ApiFailure(readingBody ? CollectionReasonCodes.BodyTimeout : CollectionReasonCodes.HeaderTimeout,
                $"no complete answer {within} ({what})", IsTransient: true));
        }
        catch (Exception exception) when (TransportFailures.Classify(exception, readingBody, _redactor) is { } failure)
        {
            return (null, failure);
        }
    }

    private ApiUnavailableException BudgetSpent(string where, int attempts) => new(
        new ApiFailure(CollectionReasonCodes.TimeBudget, "time budget spent", IsTransient: false),
        $"the collection's {Seconds(_budget!.Total)} budget is spent; not calling {where}"
        + (attempts > 0 ? $" again after {attempts} attempts" : ""));

    /// <summary>Scheme, host and port only: enough to say who failed, short enough for one log line, never a key.</summary>
    private string Where(Uri url) => _redactor.Redact(url.GetLeftPart(UriPartial.Authority));

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>application/json, text/json, and the structured-syntax suffix +json (application/problem+json).</summary>
    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> body)
    {
        for (var offset = 0; offset < body.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(body[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return null;
    }

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
        HttpResponseMessage response, long maxBytes, string where, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } announced && announced > maxBytes)
        {
            throw new ApiResponseException(
                new ApiFailure(CollectionReasonCodes.BodyTooLarge, $"body of {announced} bytes announced", IsTransient: false),
                $"response from {where} announces {announced} bytes, over the {maxBytes}-byte limit; refused.");
        }

        // The handler decodes gzip, deflate and brotli and removes them from the header; what is left, it cannot read.
        if (response.Content.Headers.ContentEncoding.Count > 0)
        {
            var encoding = string.Join(", ", response.Content.Headers.ContentEncoding);
            throw new ApiResponseException(
                new ApiFailure(CollectionReasonCodes.InvalidEncoding, $"content encoding '{encoding}' not supported", IsTransient: false),
                $"response from {where} is encoded '{encoding}', which the client does not decode; refused.");
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
                    new ApiFailure(CollectionReasonCodes.BodyTooLarge, $"body over {maxBytes} bytes", IsTransient: false),
                    $"response from {where} exceeds the {maxBytes}-byte limit; refused.");
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
                new ApiFailure(CollectionReasonCodes.MalformedJson, "malformed JSON", IsTransient: false),
                $"malformed JSON in {what} at line {line + 1}, byte {exception.BytePositionInLine + 1} of that line "
                + "(1-based): the API answered something else than its documented JSON.", exception);
        }
        catch (JsonException exception)
        {
            throw new ApiResponseException(
                new ApiFailure(CollectionReasonCodes.JsonShape, "unexpected JSON shape", IsTransient: false),
                $"unexpected JSON shape in {what}: {exception.Message}", exception);
        }
    }
}
