using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>
/// Names what went wrong below HTTP semantics (DNS, connection, TLS, protocol, truncated or undecodable body) from the
/// exception .NET raised, and says whether another attempt may succeed: a dropped connection may, a server that does
/// not speak TLS or HTTP will not.
/// </summary>
internal static class TransportFailures
{
    /// <param name="readingBody">True once the headers were received: an early end is then a truncated body.</param>
    /// <returns>The failure, or null when <paramref name="exception"/> is not a transport failure.</returns>
    public static ApiFailure? Classify(Exception exception, bool readingBody, SecretRedactor redactor)
    {
        var detail = redactor.Redact(Describe(exception));
        return exception switch
        {
            HttpRequestException request => Classify(request.HttpRequestError, exception, readingBody, detail),
            HttpIOException io => Classify(io.HttpRequestError, exception, readingBody, detail),
            InvalidDataException => new ApiFailure(CollectionReasonCodes.InvalidEncoding, "undecodable content encoding: " + detail, IsTransient: false),
            IOException => new ApiFailure(
                readingBody ? CollectionReasonCodes.BodyTruncated : CollectionReasonCodes.ConnectionReset,
                (readingBody ? "connection lost while reading the body: " : "network error: ") + detail, IsTransient: true),
            _ => null,
        };
    }

    private static ApiFailure Classify(HttpRequestError error, Exception exception, bool readingBody, string detail) => error switch
    {
        HttpRequestError.NameResolutionError => Transient(CollectionReasonCodes.DnsFailure, "network error: " + detail),
        HttpRequestError.ConnectionError => Transient(Socket(exception) switch
        {
            SocketError.ConnectionRefused => CollectionReasonCodes.ConnectionRefused,
            SocketError.ConnectionReset or SocketError.ConnectionAborted => CollectionReasonCodes.ConnectionReset,
            _ => CollectionReasonCodes.ConnectionFailed,
        }, "network error: " + detail),
        HttpRequestError.ResponseEnded => readingBody
            ? Transient(CollectionReasonCodes.BodyTruncated, "body truncated: " + detail)
            : Transient(CollectionReasonCodes.ConnectionReset, "network error: the server closed the connection without answering: " + detail),
        HttpRequestError.SecureConnectionError => new(CollectionReasonCodes.TlsError, "TLS error: " + detail, IsTransient: false),
        HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError or HttpRequestError.VersionNegotiationError =>
            new(CollectionReasonCodes.ProtocolError, "not a valid HTTP response: " + detail, IsTransient: false),
        HttpRequestError.ConfigurationLimitExceeded =>
            new(CollectionReasonCodes.HeadersTooLarge, "response over the client's limits: " + detail, IsTransient: false),
        _ when Find<AuthenticationException>(exception) is not null =>
            new(CollectionReasonCodes.TlsError, "TLS error: " + detail, IsTransient: false),
        _ when Socket(exception) is SocketError.ConnectionReset or SocketError.ConnectionAborted =>
            Transient(readingBody ? CollectionReasonCodes.BodyTruncated : CollectionReasonCodes.ConnectionReset, "network error: " + detail),
        _ => Transient(CollectionReasonCodes.NetworkError, "network error: " + detail),
    };

    private static ApiFailure Transient(string code, string detail) => new(code, detail, IsTransient: true);

    private static SocketError? Socket(Exception exception) => Find<SocketException>(exception)?.SocketErrorCode;

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The outer message, plus the innermost one when it says more ("Connection refused", "Name or service not known").</summary>
    private static string Describe(Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner == exception || exception.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? exception.Message
            : $"{inner.Message} ({exception.Message})";
    }
}
