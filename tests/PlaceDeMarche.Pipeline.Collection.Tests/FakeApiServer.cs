using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

/// <summary>Loopback HTTP server replaying canned answers; records every request it receives.</summary>
internal sealed class FakeApiServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerRequest, int, FakeResponse> _respond;
    private readonly Task _loop;
    private int _count;

    public FakeApiServer(Func<HttpListenerRequest, int, FakeResponse> respond)
    {
        _respond = respond;
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<string> RequestUrls { get; } = new();

    public ConcurrentQueue<string?> UserAgents { get; } = new();

    public int RequestCount => Volatile.Read(ref _count);

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var index = Interlocked.Increment(ref _count) - 1;
            RequestUrls.Enqueue(context.Request.Url!.PathAndQuery);
            UserAgents.Enqueue(context.Request.UserAgent);
            _ = Task.Run(() => AnswerAsync(context, _respond(context.Request, index)));
        }
    }

    private static async Task AnswerAsync(HttpListenerContext context, FakeResponse answer)
    {
        try
        {
            if (answer.Delay > TimeSpan.Zero)
            {
                await Task.Delay(answer.Delay);
            }

            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            foreach (var (name, value) in answer.Headers)
            {
                context.Response.AddHeader(name, value);
            }

            context.Response.ContentLength64 = answer.Body.Length;
            await context.Response.OutputStream.WriteAsync(answer.Body);
            context.Response.Close();
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (timeout test); nothing to answer.
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

internal sealed record FakeResponse(int Status, byte[] Body, string ContentType = "application/json")
{
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    public TimeSpan Delay { get; init; }

    public static FakeResponse Json(string json) => new(200, Encoding.UTF8.GetBytes(json));
}
