namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>A request that did not give a usable answer; <see cref="Failure"/> says why in machine-readable form.</summary>
public abstract class ApiException(ApiFailure failure, string message, Exception? innerException)
    : Exception(message, innerException)
{
    public ApiFailure Failure { get; } = failure;
}
