namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>The API could not be reached or kept failing (network error, timeout, 429/5xx after retries, open circuit).</summary>
public sealed class ApiUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
