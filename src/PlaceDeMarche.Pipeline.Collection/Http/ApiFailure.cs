namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>Why one request failed: a reason code of <c>CollectionReasonCodes</c>, the detail, and whether retrying may help.</summary>
/// <param name="Detail">Technical English, free of secrets.</param>
/// <param name="HttpStatus">The response status when there was one; 0 otherwise.</param>
/// <param name="RetryAfter">The wait the server asked for, if any.</param>
public sealed record ApiFailure(string Code, string Detail, bool IsTransient, int HttpStatus = 0, TimeSpan? RetryAfter = null);
