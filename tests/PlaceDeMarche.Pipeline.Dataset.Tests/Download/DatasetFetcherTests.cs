using System.Net;
using System.Security.Cryptography;
using System.Text;
using PlaceDeMarche.Pipeline.Dataset.Download;

namespace PlaceDeMarche.Pipeline.Dataset.Tests.Download;

public sealed class DatasetFetcherTests : IDisposable
{
    // SHA-256("abc"), the FIPS 180-2 test vector.
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static readonly FetchOptions FastRetries = new()
    {
        RetryCount = 3,
        BackoffBase = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(30),
    };

    private readonly TemporaryDirectory _directory = new();
    private readonly HttpClient _httpClient = new(new SocketsHttpHandler { UseProxy = false });
    private readonly byte[] _payload = CreatePayload(300_000);

    public void Dispose()
    {
        _httpClient.Dispose();
        _directory.Dispose();
    }

    private string Target => _directory.Combine("downloads", "dataset.zip");

    private string ExpectedSha256 => Convert.ToHexStringLower(SHA256.HashData(_payload));

    [Fact]
    public async Task Downloads_a_file_verifies_it_and_reports_progress()
    {
        await using var server = new LoopbackHttpServer((context, _) => ServeWholeAsync(context, _payload));
        var progress = new List<(long Done, long? Total)>();

        var result = await Fetch(server.BaseUri + "data.zip", FastRetries with
        {
            ExpectedSha256 = ExpectedSha256.ToUpperInvariant(),
            Progress = (done, total) => progress.Add((done, total)),
        });

        Assert.Equal(Target, result.Path);
        Assert.Equal(ExpectedSha256, result.Sha256);
        Assert.Equal(_payload.Length, result.Length);
        Assert.Equal(_payload, await File.ReadAllBytesAsync(Target));
        Assert.False(File.Exists(Target + ".partial"));
        Assert.Equal((0L, (long?)_payload.Length), progress[0]);
        Assert.Equal((_payload.Length, (long?)_payload.Length), progress[^1]);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Resumes_with_a_range_request_after_the_connection_drops_mid_body()
    {
        const int half = 150_000;
        var halfReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackHttpServer(async (context, number) =>
        {
            if (number == 1)
            {
                context.Response.ContentLength64 = _payload.Length;
                await context.Response.OutputStream.WriteAsync(_payload.AsMemory(0, half));
                await context.Response.OutputStream.FlushAsync();
                // Drop the connection only once the client has stored the first half, so the resume offset is known.
                await halfReceived.Task.WaitAsync(TimeSpan.FromSeconds(20));
                context.Response.Abort();
                return;
            }

            await ServeRangeAsync(context, _payload);
        });

        var retries = new List<FetchRetry>();
        var result = await Fetch(server.BaseUri + "data.zip", FastRetries with
        {
            ExpectedSha256 = ExpectedSha256,
            Progress = (done, _) =>
            {
                if (done >= half)
                {
                    halfReceived.TrySetResult();
                }
            },
            OnRetry = retries.Add,
        });

        Assert.Equal(new string?[] { null, $"bytes={half}-" }, server.RangeHeaders.ToArray());
        Assert.Single(retries);
        Assert.Equal(ExpectedSha256, result.Sha256);
        Assert.Equal(_payload, await File.ReadAllBytesAsync(Target));
        Assert.False(File.Exists(Target + ".partial"));
    }

    [Fact]
    public async Task Restarts_from_zero_when_the_server_ignores_the_range()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
        await File.WriteAllBytesAsync(Target + ".partial", Enumerable.Repeat((byte)0xEE, 1000).ToArray());
        await using var server = new LoopbackHttpServer((context, _) => ServeWholeAsync(context, _payload));

        var result = await Fetch(server.BaseUri + "data.zip", FastRetries with { ExpectedSha256 = ExpectedSha256 });

        Assert.Equal(new string?[] { "bytes=1000-" }, server.RangeHeaders.ToArray());
        Assert.Equal(ExpectedSha256, result.Sha256);
        Assert.Equal(_payload, await File.ReadAllBytesAsync(Target));
    }

    [Fact]
    public async Task Retries_after_a_server_error()
    {
        await using var server = new LoopbackHttpServer((context, number) =>
        {
            if (number == 1)
            {
                context.Response.StatusCode = 500;
                context.Response.Close();
                return Task.CompletedTask;
            }

            return ServeWholeAsync(context, _payload);
        });
        var retries = new List<FetchRetry>();

        var result = await Fetch(server.BaseUri + "data.zip", FastRetries with { OnRetry = retries.Add });

        Assert.Equal(2, server.RequestCount);
        var retry = Assert.Single(retries);
        Assert.Equal(1, retry.FailedAttempt);
        Assert.Contains("500", retry.Reason);
        Assert.Equal(ExpectedSha256, result.Sha256);
    }

    [Fact]
    public async Task Honours_retry_after_on_429()
    {
        await using var server = new LoopbackHttpServer((context, number) =>
        {
            if (number == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.AddHeader("Retry-After", "1");
                context.Response.Close();
                return Task.CompletedTask;
            }

            return ServeWholeAsync(context, _payload);
        });
        var retries = new List<FetchRetry>();

        var result = await Fetch(server.BaseUri + "data.zip", FastRetries with { OnRetry = retries.Add });

        var retry = Assert.Single(retries);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Delay);
        Assert.Contains("429", retry.Reason);
        Assert.Equal(_payload.Length, result.Length);
    }

    [Fact]
    public async Task A_permanent_404_fails_at_once_and_says_how_to_use_a_local_copy()
    {
        await using var server = new LoopbackHttpServer((context, _) =>
        {
            context.Response.StatusCode = 404;
            context.Response.Close();
            return Task.CompletedTask;
        });

        var error = await Assert.ThrowsAsync<DatasetUnavailableException>(
            () => Fetch(server.BaseUri + "missing.zip", FastRetries));

        Assert.Contains("404", error.Message);
        Assert.Contains("--dataset=", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(1, server.RequestCount);
        Assert.False(File.Exists(Target));
        Assert.False(File.Exists(Target + ".partial"));
    }

    [Fact]
    public async Task An_unreachable_server_fails_after_the_retries_with_the_local_copy_hint()
    {
        var closedPort = LoopbackHttpServer.FreePort();
        var retries = new List<FetchRetry>();

        var error = await Assert.ThrowsAsync<DatasetUnavailableException>(
            () => Fetch($"http://127.0.0.1:{closedPort}/data.zip", FastRetries with { RetryCount = 2, OnRetry = retries.Add }));

        Assert.Contains($"127.0.0.1:{closedPort}", error.Message);
        Assert.Contains("after 3 attempt(s)", error.Message);
        Assert.Contains("--dataset=", error.Message);
        Assert.Equal([1, 2], retries.Select(retry => retry.FailedAttempt));
        Assert.False(File.Exists(Target));
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        await using var server = new LoopbackHttpServer(async (context, number) =>
        {
            if (number == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(1.5));
            }

            await ServeWholeAsync(context, _payload);
        });
        var retries = new List<FetchRetry>();

        var result = await Fetch(server.BaseUri + "data.zip", FastRetries with
        {
            AttemptTimeout = TimeSpan.FromMilliseconds(300),
            OnRetry = retries.Add,
        });

        Assert.Contains("no complete response within", Assert.Single(retries).Reason);
        Assert.Equal(ExpectedSha256, result.Sha256);
    }

    [Fact]
    public async Task Refuses_a_body_whose_announced_length_exceeds_the_limit()
    {
        await using var server = new LoopbackHttpServer((context, _) => ServeWholeAsync(context, _payload));

        var error = await Assert.ThrowsAsync<DatasetUnavailableException>(
            () => Fetch(server.BaseUri + "data.zip", FastRetries with { MaxBytes = 1000 }));

        Assert.Contains($"{_payload.Length} bytes, over the limit of 1000", error.Message);
        Assert.Equal(1, server.RequestCount);
        Assert.False(File.Exists(Target + ".partial"));
    }

    [Fact]
    public async Task Refuses_a_chunked_body_that_grows_past_the_limit_while_streaming()
    {
        await using var server = new LoopbackHttpServer((context, _) =>
        {
            context.Response.SendChunked = true;
            return LoopbackHttpServer.WriteBodyAsync(context.Response, _payload);
        });

        var error = await Assert.ThrowsAsync<DatasetUnavailableException>(
            () => Fetch(server.BaseUri + "data.zip", FastRetries with { MaxBytes = 100_000 }));

        Assert.Contains("exceeded the limit of 100000 bytes", error.Message);
        Assert.False(File.Exists(Target));
        Assert.False(File.Exists(Target + ".partial"));
    }

    [Fact]
    public async Task A_checksum_mismatch_names_both_checksums_and_removes_the_download()
    {
        await using var server = new LoopbackHttpServer((context, _) => ServeWholeAsync(context, _payload));

        var error = await Assert.ThrowsAsync<DatasetChecksumException>(
            () => Fetch(server.BaseUri + "data.zip", FastRetries with { ExpectedSha256 = AbcSha256 }));

        Assert.Equal(AbcSha256, error.ExpectedSha256);
        Assert.Equal(ExpectedSha256, error.ActualSha256);
        Assert.Contains(Target, error.Message);
        Assert.Contains(AbcSha256, error.Message);
        Assert.Contains(ExpectedSha256, error.Message);
        Assert.Contains("--dataset=", error.Message);
        Assert.False(File.Exists(Target));
        Assert.False(File.Exists(Target + ".partial"));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Reuses_an_existing_target_whose_checksum_matches_without_any_request()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
        await File.WriteAllBytesAsync(Target, _payload);
        await using var server = new LoopbackHttpServer((context, _) => ServeWholeAsync(context, _payload));

        var result = await Fetch(server.BaseUri + "data.zip", FastRetries with { ExpectedSha256 = ExpectedSha256 });

        Assert.Equal(0, server.RequestCount);
        Assert.Equal(Target, result.Path);
    }

    [Fact]
    public async Task A_local_path_is_verified_in_place_against_a_known_vector()
    {
        var local = _directory.Combine("abc.zip");
        await File.WriteAllBytesAsync(local, Encoding.ASCII.GetBytes("abc"));

        var byPath = await Fetch(local, new FetchOptions { ExpectedSha256 = AbcSha256 });
        var byUri = await Fetch(new Uri(local).AbsoluteUri, new FetchOptions());

        Assert.Equal(new FetchResult(local, AbcSha256, 3), byPath);
        Assert.Equal(byPath, byUri);
        Assert.False(File.Exists(Target));
    }

    [Fact]
    public async Task A_missing_local_file_names_the_path_and_the_hint()
    {
        var missing = _directory.Combine("nowhere.zip");

        var error = await Assert.ThrowsAsync<DatasetUnavailableException>(() => Fetch(missing, new FetchOptions()));

        Assert.Contains(missing, error.Message);
        Assert.Contains("--dataset=", error.Message);
    }

    [Fact]
    public async Task A_local_file_with_the_wrong_checksum_is_reported_but_kept()
    {
        var local = _directory.Combine("abc.zip");
        await File.WriteAllBytesAsync(local, Encoding.ASCII.GetBytes("abd"));

        var error = await Assert.ThrowsAsync<DatasetChecksumException>(
            () => Fetch(local, new FetchOptions { ExpectedSha256 = AbcSha256 }));

        Assert.Equal(local, error.FilePath);
        Assert.True(File.Exists(local));
    }

    [Theory]
    [InlineData("ftp://example.invalid/data.zip")]
    public async Task Refuses_unsupported_url_schemes(string source)
    {
        var error = await Assert.ThrowsAsync<DatasetUnavailableException>(() => Fetch(source, new FetchOptions()));

        Assert.Contains("'ftp'", error.Message);
    }

    [Fact]
    public async Task Rejects_a_malformed_expected_checksum()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Fetch(_directory.Path, new FetchOptions { ExpectedSha256 = "abc" }));
    }

    private Task<FetchResult> Fetch(string source, FetchOptions options) =>
        new DatasetFetcher(_httpClient).FetchAsync(source, Target, options);

    private static Task ServeWholeAsync(HttpListenerContext context, byte[] payload)
    {
        context.Response.ContentLength64 = payload.Length;
        return LoopbackHttpServer.WriteBodyAsync(context.Response, payload);
    }

    /// <summary>Answers "Range: bytes=N-" with 206 and the tail, anything else with 200 and the whole payload.</summary>
    private static Task ServeRangeAsync(HttpListenerContext context, byte[] payload)
    {
        var range = context.Request.Headers["Range"];
        if (range is null || !range.StartsWith("bytes=", StringComparison.Ordinal) || !range.EndsWith('-'))
        {
            return ServeWholeAsync(context, payload);
        }

        var start = int.Parse(range["bytes=".Length..^1]);
        context.Response.StatusCode = 206;
        context.Response.AddHeader("Content-Range", $"bytes {start}-{payload.Length - 1}/{payload.Length}");
        context.Response.ContentLength64 = payload.Length - start;
        return LoopbackHttpServer.WriteBodyAsync(context.Response, payload.AsMemory(start));
    }

    private static byte[] CreatePayload(int length)
    {
        var payload = new byte[length];
        new Random(1050).NextBytes(payload);
        return payload;
    }
}
