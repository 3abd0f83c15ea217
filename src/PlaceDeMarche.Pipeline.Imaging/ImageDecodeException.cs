namespace PlaceDeMarche.Pipeline.Imaging;

/// <summary>
/// The only exception the image decoders let escape: empty, truncated, corrupt, unsupported or over-budget input.
/// The message names the source (when one was given), what is wrong and, when known, the byte offset.
/// </summary>
public sealed class ImageDecodeException : Exception
{
    /// <summary>Creates an exception for <paramref name="reason"/> found in <paramref name="sourceName"/> at <paramref name="offset"/>.</summary>
    public ImageDecodeException(string reason, string? sourceName = null, long? offset = null, Exception? innerException = null)
        : base(Compose(reason, sourceName, offset), innerException)
    {
        Reason = reason;
        SourceName = sourceName;
        Offset = offset;
    }

    /// <summary>What is wrong with the input, without source or offset.</summary>
    public string Reason { get; }

    /// <summary>File name or other label of the input, when the caller supplied one.</summary>
    public string? SourceName { get; }

    /// <summary>Byte offset in the input where the problem was detected, when known.</summary>
    public long? Offset { get; }

    private static string Compose(string reason, string? sourceName, long? offset)
    {
        var where = offset is { } at ? $" (at byte offset {at})" : string.Empty;
        return $"{sourceName ?? "image"}: {reason}{where}.";
    }
}
