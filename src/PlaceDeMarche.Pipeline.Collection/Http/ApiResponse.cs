namespace PlaceDeMarche.Pipeline.Collection.Http;

/// <summary>A successful response body and its declared media type (without parameters), if any.</summary>
public sealed record ApiResponse(byte[] Body, string? MediaType);
