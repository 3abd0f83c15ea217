namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>
/// The API could not be reached or kept failing (network error, truncated body, timeout, 429/5xx after retries, a
/// Retry-After longer than the collection may wait, open circuit, time budget spent).
/// </summary>
public sealed class ApiUnavailableException(ApiFailure failure, string message, Exception? innerException = null)
    : ApiException(failure, message, innerException);
