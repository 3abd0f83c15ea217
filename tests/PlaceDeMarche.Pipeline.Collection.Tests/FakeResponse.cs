using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

/// <summary>
/// An answer of <see cref="FakeApiServer"/>: a well-formed response by default, or one of the faults a client must
/// survive: a late answer, a trickling body, a body shorter than announced, a reset connection, raw bytes that are not
/// HTTP, no Content-Length.
/// </summary>
internal sealed record FakeResponse(int Status, byte[] Body, string? ContentType = "application/json")
{
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>Pause before anything is sent (a slow or silent server).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Pause after each body byte (a trickling body); zero sends the body at once.</summary>
    public TimeSpan ByteInterval { get; init; }

    /// <summary>The Content-Length sent, when it must differ from the body's (a truncated body).</summary>
    public long? AnnouncedLength { get; init; }

    /// <summary>No Content-Length: the body ends when the connection closes.</summary>
    public bool OmitLength { get; init; }

    /// <summary>End with a TCP reset instead of an orderly close.</summary>
    public bool Reset { get; init; }

    /// <summary>Sent as is instead of a response.</summary>
    public byte[]? Raw { get; init; }

    public static FakeResponse Json(string json) => new(200, Encoding.UTF8.GetBytes(json));

    /// <summary>The connection is dropped without a byte of answer.</summary>
    public static FakeResponse Dropped() => new(0, []) { Raw = [], Reset = true };

    public async Task WriteAsync(Socket socket, Stream stream, CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (Raw is not null)
        {
            await stream.WriteAsync(Raw, cancellationToken);
        }
        else
        {
            var head = new StringBuilder($"HTTP/1.1 {Status} {new HttpResponseMessage((HttpStatusCode)Status).ReasonPhrase}\r\n");
            if (ContentType is not null)
            {
                head.Append($"Content-Type: {ContentType}\r\n");
            }

            foreach (var (name, value) in Headers)
            {
                head.Append($"{name}: {value}\r\n");
            }

            if (!OmitLength)
            {
                head.Append($"Content-Length: {AnnouncedLength ?? Body.Length}\r\n");
            }

            head.Append("Connection: close\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            if (ByteInterval > TimeSpan.Zero)
            {
                for (var i = 0; i < Body.Length; i++)
                {
                    await stream.WriteAsync(Body.AsMemory(i, 1), cancellationToken);
                    await stream.FlushAsync(cancellationToken);
                    await Task.Delay(ByteInterval, cancellationToken);
                }
            }
            else
            {
                await stream.WriteAsync(Body, cancellationToken);
            }
        }

        await stream.FlushAsync(cancellationToken);
        if (Reset)
        {
            socket.LingerState = new LingerOption(true, 0); // closing now sends RST
            socket.Close();
        }
        else
        {
            socket.Shutdown(SocketShutdown.Both);
        }
    }
}
