using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

/// <summary>
/// Loopback HTTP/1.1 server on 127.0.0.1 written on a raw socket, so that it can misbehave the way real servers and
/// networks do (see <see cref="FakeResponse"/>): one connection per request, answered by the handler with the
/// request's 0-based index. It records every request, and stops every pending answer when disposed.
/// </summary>
internal sealed class FakeApiServer : IDisposable
{
    private static readonly TimeSpan RequestReadLimit = TimeSpan.FromSeconds(5);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<FakeRequest, int, FakeResponse> _respond;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Task> _answers = new();
    private readonly Task _loop;
    private int _count;

    /// <param name="tls">Serve HTTPS with a self-signed certificate (which a client must refuse).</param>
    public FakeApiServer(Func<FakeRequest, int, FakeResponse> respond, bool tls = false)
    {
        _respond = respond;
        _certificate = tls ? SelfSignedCertificate() : null;
        _listener.Start();
        BaseUrl = new Uri($"{(tls ? "https" : "http")}://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<string> RequestUrls { get; } = new();

    public ConcurrentQueue<string?> UserAgents { get; } = new();

    public int RequestCount => Volatile.Read(ref _count);

    /// <summary>A port nothing listens on (for "connection refused").</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _answers.Enqueue(Task.Run(() => AnswerAsync(socket)));
        }
    }

    private async Task AnswerAsync(Socket socket)
    {
        using var owned = socket;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        limit.CancelAfter(RequestReadLimit);
        try
        {
            Stream stream = new NetworkStream(socket, ownsSocket: false);
            if (_certificate is not null)
            {
                var ssl = new SslStream(stream);
                await ssl.AuthenticateAsServerAsync(
                    new SslServerAuthenticationOptions { ServerCertificate = _certificate }, limit.Token);
                stream = ssl;
            }

            await using var _ = stream;
            var request = await ReadRequestAsync(stream, limit.Token);
            var index = Interlocked.Increment(ref _count) - 1;
            RequestUrls.Enqueue(request.Url.PathAndQuery);
            UserAgents.Enqueue(request.UserAgent);
            await _respond(request, index).WriteAsync(socket, stream, _stop.Token);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException
            or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            // The client gave up (timeouts), refused our certificate, or the server is stopping: nothing to answer.
        }
    }

    /// <summary>
    /// Reads up to the blank line ending the request head (or the first bytes of a TLS handshake); what does not
    /// parse as HTTP is taken as a request for "/".
    /// </summary>
    private async Task<FakeRequest> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var buffer = new byte[4096];
        while (head.Count < 64 * 1024)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            head.AddRange(buffer.AsSpan(0, read));
            if (head[0] == 0x16)
            {
                break; // a TLS handshake record: the client expects HTTPS; whatever we answer will not be TLS
            }

            if (Encoding.ASCII.GetString(head.ToArray()).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n");
        var target = lines[0].Split(' ') is [_, var path, ..] && path.StartsWith('/') ? path : "/";
        var userAgent = lines.Skip(1)
            .Where(line => line.StartsWith("User-Agent:", StringComparison.OrdinalIgnoreCase))
            .Select(line => line["User-Agent:".Length..].Trim())
            .FirstOrDefault();
        return new FakeRequest(new Uri(BaseUrl, target), userAgent);
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // The server side needs the private key in a form the platform's TLS stack loads.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _loop.Wait(TimeSpan.FromSeconds(5));
        Task.WaitAll([.. _answers], TimeSpan.FromSeconds(5));
        _certificate?.Dispose();
        _stop.Dispose();
    }
}
