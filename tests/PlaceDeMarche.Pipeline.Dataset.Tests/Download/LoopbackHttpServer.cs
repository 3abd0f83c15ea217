using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PlaceDeMarche.Pipeline.Dataset.Tests.Download;

/// <summary>An HttpListener on 127.0.0.1 and a free port; each request is handed to the handler with its 1-based
/// number. The Range header of every request is recorded.</summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, int, Task> _handler;
    private readonly Task _acceptLoop;
    private readonly ConcurrentQueue<Task> _handlers = new();
    private int _requestCount;

    public LoopbackHttpServer(Func<HttpListenerContext, int, Task> handler)
    {
        _handler = handler;
        // Another process may grab the port between probing and binding: try a few.
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                _listener = listener;
                BaseUri = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }

        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    public int RequestCount => Volatile.Read(ref _requestCount);

    public ConcurrentQueue<string?> RangeHeaders { get; } = new();

    /// <summary>A port nothing listens on (a connection to it is refused).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public static async Task WriteBodyAsync(HttpListenerResponse response, ReadOnlyMemory<byte> body)
    {
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _acceptLoop;
        await Task.WhenAll(_handlers);
        _listener.Close();
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            RangeHeaders.Enqueue(context.Request.Headers["Range"]);
            var number = Interlocked.Increment(ref _requestCount);
            _handlers.Enqueue(Task.Run(() => HandleAsync(context, number)));
        }
    }

    private async Task HandleAsync(HttpListenerContext context, int number)
    {
        try
        {
            await _handler(context, number);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away (timeout tests): nothing to answer.
            context.Response.Abort();
        }
    }
}
