namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>The API answered, but the answer is unusable (non-retryable status, body too large, malformed JSON).</summary>
public sealed class ApiResponseException(string message, Exception? innerException = null)
    : Exception(message, innerException);
