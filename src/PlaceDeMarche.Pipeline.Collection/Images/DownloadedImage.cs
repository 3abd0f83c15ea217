namespace PlaceDeMarche.Pipeline.Collection.Images;

/// <summary>Outcome of one image download: the bytes and media type, or the reason there are none.</summary>
public sealed record DownloadedImage(string FoodId, Uri Url, byte[]? Bytes, string? MediaType, string? FailureReason)
{
    public bool Succeeded => Bytes is not null;
}
