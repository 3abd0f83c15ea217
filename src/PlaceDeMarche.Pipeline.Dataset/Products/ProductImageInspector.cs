namespace PlaceDeMarche.Pipeline.Dataset.Products;

/// <summary>Classifies an image file by existence, size and magic bytes, without decoding it.</summary>
public static class ProductImageInspector
{
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Gif87Signature => "GIF87a"u8;
    private static ReadOnlySpan<byte> Gif89Signature => "GIF89a"u8;
    private static ReadOnlySpan<byte> RiffSignature => "RIFF"u8;
    private static ReadOnlySpan<byte> WebpFormat => "WEBP"u8;
    private static ReadOnlySpan<byte> BmpSignature => "BM"u8;

    /// <summary>Status of the file at <paramref name="path"/>; never throws for file-system problems.</summary>
    public static ImageStatus Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return ImageStatus.Unreadable;
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            Span<byte> header = stackalloc byte[12];
            var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            return read == 0 ? ImageStatus.Empty
                : HasImageSignature(header[..read]) ? ImageStatus.Ok
                : ImageStatus.NotAnImage;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return ImageStatus.Missing;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ImageStatus.Unreadable;
        }
    }

    /// <summary>Whether <paramref name="header"/> (the first bytes of a file) starts like a supported image.</summary>
    public static bool HasImageSignature(ReadOnlySpan<byte> header) =>
        header.StartsWith(JpegSignature)
        || header.StartsWith(PngSignature)
        || header.StartsWith(Gif87Signature)
        || header.StartsWith(Gif89Signature)
        || (header.Length >= 12 && header.StartsWith(RiffSignature) && header[8..12].SequenceEqual(WebpFormat))
        || header.StartsWith(BmpSignature);
}
