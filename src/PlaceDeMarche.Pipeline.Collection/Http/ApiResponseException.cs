namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>
/// The API answered, but the answer is unusable (non-retryable status, redirect loop, body too large, not JSON,
/// invalid encoding, malformed JSON).
/// </summary>
public sealed class ApiResponseException(ApiFailure failure, string message, Exception? innerException = null)
    : ApiException(failure, message, innerException);
