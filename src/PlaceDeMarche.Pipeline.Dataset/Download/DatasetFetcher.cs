using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace PlaceDeMarche.Pipeline.Dataset.Download;

/// <summary>Fetches the dataset from an http(s) URL (resumable, retried, size-limited, checksum-verified) or
/// verifies a local file in place.</summary>
public sealed class DatasetFetcher
{
    private const int CopyBufferSize = 128 * 1024;

    private readonly HttpClient _httpClient;

    /// <summary>Creates a fetcher sending its requests through <paramref name="httpClient"/>.</summary>
    public DatasetFetcher(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
    }

    /// <summary>Fetches <paramref name="source"/>. An http(s) URL is downloaded to <paramref name="targetPath"/>
    /// through <c>&lt;target&gt;.partial</c> (an earlier partial download is resumed) and renamed into place once
    /// complete and verified; an existing target whose checksum matches <see cref="FetchOptions.ExpectedSha256"/> is
    /// reused without any request. A local path or file:// URL is only verified: <paramref name="targetPath"/> is
    /// ignored and the resolved source path is returned.</summary>
    /// <exception cref="DatasetUnavailableException">The source cannot be fetched (after retries) or read.</exception>
    /// <exception cref="DatasetChecksumException">The bytes do not match the expected SHA-256.</exception>
    public async Task<FetchResult> FetchAsync(
        string source, string targetPath, FetchOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // Only "scheme://" counts as a URL: on Unix an absolute path also parses as a file URI.
        if (!source.Contains("://", StringComparison.Ordinal) || !Uri.TryCreate(source, UriKind.Absolute, out var uri))
        {
            return await VerifyLocalFileAsync(Path.GetFullPath(source), options, cancellationToken).ConfigureAwait(false);
        }

        if (uri.IsFile)
        {
            return await VerifyLocalFileAsync(uri.LocalPath, options, cancellationToken).ConfigureAwait(false);
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new DatasetUnavailableException(
                $"Unsupported dataset source scheme '{uri.Scheme}' in {source}: use an http(s) URL or a local path.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(targetPath);
        return await DownloadAsync(uri, Path.GetFullPath(targetPath), options, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<FetchResult> VerifyLocalFileAsync(
        string path, FetchOptions options, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new DatasetUnavailableException($"Dataset file not found: {path}.");
        }

        FetchResult result;
        try
        {
            result = await HashFileAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetUnavailableException($"Cannot read the dataset file {path}: {OneLine(ex)}.", ex);
        }

        if (!ChecksumMatches(options, result.Sha256))
        {
            throw new DatasetChecksumException(path, Normalise(options.ExpectedSha256!), result.Sha256, fileDeleted: false);
        }

        return result;
    }

    private async Task<FetchResult> DownloadAsync(
        Uri uri, string targetPath, FetchOptions options, CancellationToken cancellationToken)
    {
        if (options.ExpectedSha256 is not null && File.Exists(targetPath))
        {
            var existing = await HashFileAsync(targetPath, cancellationToken).ConfigureAwait(false);
            if (ChecksumMatches(options, existing.Sha256))
            {
                return existing;
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(targetPath)!);
        var partialPath = targetPath + ".partial";
        for (var attempt = 1; ; attempt++)
        {
            Exception failure;
            TimeSpan? retryAfter = null;
            try
            {
                return await DownloadOnceAsync(uri, targetPath, partialPath, options, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (TransientDownloadException ex)
            {
                failure = ex;
                retryAfter = ex.RetryAfter;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                failure = ex;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new TimeoutException($"no complete response within {options.AttemptTimeout}", ex);
            }

            if (attempt > options.RetryCount)
            {
                throw new DatasetUnavailableException(
                    $"Could not download the dataset from {uri} after {attempt} attempt(s): {OneLine(failure)}.",
                    failure);
            }

            var delay = RetryDelay(attempt, retryAfter, options);
            options.OnRetry?.Invoke(new FetchRetry(attempt, delay, OneLine(failure)));
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<FetchResult> DownloadOnceAsync(
        Uri uri, string targetPath, string partialPath, FetchOptions options, CancellationToken cancellationToken)
    {
        using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptCancellation.CancelAfter(options.AttemptTimeout);
        var token = attemptCancellation.Token;

        var resumeFrom = File.Exists(partialPath) ? new FileInfo(partialPath).Length : 0;
        if (resumeFrom > options.MaxBytes)
        {
            File.Delete(partialPath);
            resumeFrom = 0;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (resumeFrom > 0)
        {
            request.Headers.Range = new RangeHeaderValue(resumeFrom, null);
        }

        using var response = await _httpClient
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token)
            .ConfigureAwait(false);
        var (startOffset, total) = AcceptResponse(uri, response, resumeFrom, partialPath);
        if (total > options.MaxBytes)
        {
            File.Delete(partialPath);
            throw new DatasetUnavailableException(
                $"The dataset at {uri} is {total} bytes, over the limit of {options.MaxBytes} bytes (FetchOptions.MaxBytes).");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        long done;
        try
        {
            if (startOffset > 0)
            {
                await HashPrefixAsync(partialPath, hash, buffer, token).ConfigureAwait(false);
            }

            done = await CopyBodyAsync(uri, response, partialPath, startOffset, total, hash, buffer, options, token)
                .ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (total is { } announced && done != announced)
        {
            if (done > announced)
            {
                File.Delete(partialPath);
            }

            throw new TransientDownloadException($"received {done} of the {announced} announced bytes");
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (!ChecksumMatches(options, sha256))
        {
            File.Delete(partialPath);
            throw new DatasetChecksumException(targetPath, Normalise(options.ExpectedSha256!), sha256, fileDeleted: true);
        }

        File.Move(partialPath, targetPath, overwrite: true);
        return new FetchResult(targetPath, sha256, done);
    }

    /// <summary>Decides where the body starts in the partial file and the full size, or throws for a failure.</summary>
    private static (long StartOffset, long? Total) AcceptResponse(
        Uri uri, HttpResponseMessage response, long resumeFrom, string partialPath)
    {
        var status = response.StatusCode;
        var headers = response.Content.Headers;
        if (status == HttpStatusCode.OK)
        {
            // The server ignored the Range header (or none was sent): the body is the whole file.
            return (0, headers.ContentLength);
        }

        if (status == HttpStatusCode.PartialContent && resumeFrom > 0)
        {
            if (headers.ContentRange?.From != resumeFrom)
            {
                File.Delete(partialPath);
                throw new TransientDownloadException(
                    $"the server resumed at byte {headers.ContentRange?.From} instead of {resumeFrom}; restarting from zero");
            }

            return (resumeFrom, headers.ContentRange.Length ?? resumeFrom + headers.ContentLength);
        }

        if (status == HttpStatusCode.RequestedRangeNotSatisfiable && resumeFrom > 0)
        {
            File.Delete(partialPath);
            throw new TransientDownloadException("the server refused to resume the partial download; restarting from zero");
        }

        var description = $"HTTP {(int)status} {response.ReasonPhrase}";
        if (status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500)
        {
            throw new TransientDownloadException(description, RetryAfter(response.Headers.RetryAfter));
        }

        throw new DatasetUnavailableException($"Could not download the dataset from {uri}: {description}.");
    }

    private static async Task HashPrefixAsync(
        string partialPath, IncrementalHash hash, byte[] buffer, CancellationToken token)
    {
        await using var existing = new FileStream(
            partialPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        int read;
        while ((read = await existing.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
    }

    /// <summary>Appends the body to the partial file (kept on network errors so the next attempt resumes) and
    /// returns the partial file's length.</summary>
    private static async Task<long> CopyBodyAsync(
        Uri uri, HttpResponseMessage response, string partialPath, long startOffset, long? total,
        IncrementalHash hash, byte[] buffer, FetchOptions options, CancellationToken token)
    {
        var done = startOffset;
        var oversized = false;
        await using (var file = new FileStream(
            partialPath, startOffset > 0 ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1,
            FileOptions.Asynchronous))
        {
            options.Progress?.Invoke(done, total);
            await using var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            int read;
            while ((read = await body.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
            {
                done += read;
                if (done > options.MaxBytes)
                {
                    oversized = true;
                    break;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), token).ConfigureAwait(false);
                options.Progress?.Invoke(done, total);
            }

            file.Flush(flushToDisk: true);
        }

        if (oversized)
        {
            File.Delete(partialPath);
            throw new DatasetUnavailableException(
                $"The dataset at {uri} exceeded the limit of {options.MaxBytes} bytes (FetchOptions.MaxBytes) while downloading.");
        }

        return done;
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static TimeSpan RetryDelay(int failedAttempt, TimeSpan? retryAfter, FetchOptions options)
    {
        TimeSpan delay;
        if (retryAfter is { } serverDelay)
        {
            delay = serverDelay;
        }
        else
        {
            var exponential = options.BackoffBase.TotalMilliseconds * Math.Pow(2, failedAttempt - 1);
            // Jitter keeps many clients from retrying in lockstep; it never affects what is downloaded.
            delay = TimeSpan.FromMilliseconds(exponential * (1 + 0.5 * Random.Shared.NextDouble()));
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }

    private static async Task<FetchResult> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return new FetchResult(path, Convert.ToHexStringLower(hash), stream.Length);
    }

    private static bool ChecksumMatches(FetchOptions options, string actualSha256) =>
        options.ExpectedSha256 is not { } expected || string.Equals(expected, actualSha256, StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string sha256) => sha256.ToLowerInvariant();

    private static string OneLine(Exception exception) =>
        exception.Message.ReplaceLineEndings(" ").TrimEnd('.', ' ');

    /// <summary>A failure worth retrying, with the server's requested delay if any.</summary>
    private sealed class TransientDownloadException(string message, TimeSpan? retryAfter = null) : Exception(message)
    {
        public TimeSpan? RetryAfter { get; } = retryAfter;
    }
}
