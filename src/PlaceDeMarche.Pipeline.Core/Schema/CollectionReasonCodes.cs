namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>
/// Machine-readable reasons of <c>requests.parquet</c> (column <c>reason_code</c>): why a collection is partial or
/// empty, or why it stopped early. Collect writes them; the report translates them into French.
/// </summary>
public static class CollectionReasonCodes
{
    /// <summary>The host name does not resolve (typically: no network).</summary>
    public const string DnsFailure = "dns_failure";

    /// <summary>Nothing listens at the API's address.</summary>
    public const string ConnectionRefused = "connection_refused";

    /// <summary>The connection could not be opened for another reason (unreachable network, connect timeout).</summary>
    public const string ConnectionFailed = "connection_failed";

    /// <summary>The server dropped the connection before or while answering.</summary>
    public const string ConnectionReset = "connection_reset";

    /// <summary>The body ended before its announced length.</summary>
    public const string BodyTruncated = "body_truncated";

    /// <summary>The TLS handshake failed (certificate, protocol).</summary>
    public const string TlsError = "tls_error";

    /// <summary>The server did not speak valid HTTP.</summary>
    public const string ProtocolError = "protocol_error";

    /// <summary>The response headers are over the client's limit.</summary>
    public const string HeadersTooLarge = "headers_too_large";

    /// <summary>No response headers within the attempt's time.</summary>
    public const string HeaderTimeout = "header_timeout";

    /// <summary>The headers came, the body did not finish within the attempt's time (a trickling body).</summary>
    public const string BodyTimeout = "body_timeout";

    /// <summary>An error status (<c>http_status</c> says which), after the retries when it was a transient one.</summary>
    public const string HttpStatus = "http_status";

    /// <summary>The API asked to come back later (<c>retry_after_seconds</c>) than the collection may wait.</summary>
    public const string RetryAfter = "retry_after";

    /// <summary>Too many redirects (a loop), or a redirect the client does not follow.</summary>
    public const string Redirects = "redirects";

    /// <summary>The body is over the size limit.</summary>
    public const string BodyTooLarge = "body_too_large";

    /// <summary>The API answered something else than JSON (an HTML page, text).</summary>
    public const string ContentType = "content_type";

    /// <summary>The body is not valid UTF-8, or its content encoding (gzip…) is corrupt or unknown.</summary>
    public const string InvalidEncoding = "invalid_encoding";

    /// <summary>The body is not well-formed JSON.</summary>
    public const string MalformedJson = "malformed_json";

    /// <summary>Well-formed JSON, but not the documented structure.</summary>
    public const string JsonShape = "json_shape";

    /// <summary>The circuit breaker opened after consecutive failures.</summary>
    public const string CircuitOpen = "circuit_open";

    /// <summary>The collection's total time budget (<c>collect.max_total_seconds</c>) ran out.</summary>
    public const string TimeBudget = "time_budget";

    /// <summary>The API needs credentials that the environment does not provide.</summary>
    public const string CredentialsMissing = "credentials_missing";

    /// <summary>Another network failure.</summary>
    public const string NetworkError = "network_error";

    /// <summary>Stopped at <c>collect.max_pages</c>.</summary>
    public const string PageLimit = "page_limit";

    /// <summary>Stopped at <c>collect.limit</c> products.</summary>
    public const string ProductLimit = "product_limit";

    /// <summary>The API links back to a page already read.</summary>
    public const string LinkLoop = "link_loop";
}
