namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>A successful response body and its declared media type and charset (without other parameters), if any.</summary>
public sealed record ApiResponse(byte[] Body, string? MediaType, string? Charset = null);
