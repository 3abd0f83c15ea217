using PlaceDeMarche.Pipeline.Imaging.Formats.Jpeg;
using PlaceDeMarche.Pipeline.Imaging.Formats.Png;

namespace PlaceDeMarche.Pipeline.Imaging;

/// <summary>
/// Entry point: detects JPEG or PNG from the bytes (never the file extension) and decodes to RGB24.
/// Every problem with the input surfaces as <see cref="ImageDecodeException"/>; invalid <see cref="DecodeOptions"/>
/// (a caller bug) raise <see cref="ArgumentException"/>. Any other exception is a decoder bug and is let through,
/// so that it fails the caller instead of silently turning a good photo into an "unusable" one.
/// Decoding is single-threaded and deterministic; parallelise across images.
/// </summary>
public static class ImageDecoder
{
    internal delegate T FormatReader<T>(ReadOnlySpan<byte> data, DecodeOptions options);

    /// <summary>The format announced by the leading bytes of <paramref name="data"/>.</summary>
    public static ImageFormat DetectFormat(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }

        return PngDecoder.HasSignature(data) ? ImageFormat.Png : ImageFormat.Unknown;
    }

    /// <summary>Decodes an in-memory JPEG or PNG; <paramref name="sourceName"/> labels error messages.</summary>
    /// <exception cref="ImageDecodeException">The data is not a decodable image or exceeds the pixel budget.</exception>
    public static RgbImage Decode(ReadOnlySpan<byte> data, DecodeOptions? options = null, string? sourceName = null)
    {
        options = Validate(options);
        return Run(data, options, sourceName, JpegDecoder.Decode, PngDecoder.Decode);
    }

    /// <summary>Reads <paramref name="stream"/> to its end and decodes it.</summary>
    /// <exception cref="ImageDecodeException">Reading failed or the data is not a decodable image.</exception>
    public static RgbImage Decode(Stream stream, DecodeOptions? options = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options = Validate(options);
        byte[] data;
        try
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            data = buffer.ToArray();
        }
        catch (Exception e)
        {
            throw new ImageDecodeException($"cannot read the stream: {e.Message}", sourceName, innerException: e);
        }

        return Run(data, options, sourceName, JpegDecoder.Decode, PngDecoder.Decode);
    }

    /// <summary>Reads and decodes the file at <paramref name="path"/> (named in error messages).</summary>
    /// <exception cref="ImageDecodeException">The file cannot be read or is not a decodable image.</exception>
    public static RgbImage DecodeFile(string path, DecodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options = Validate(options);
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e)
        {
            throw new ImageDecodeException($"cannot read the file: {e.Message}", path, innerException: e);
        }

        return Run(data, options, path, JpegDecoder.Decode, PngDecoder.Decode);
    }

    /// <summary>Reads format, size, component count and EXIF orientation from the headers without decoding pixels.</summary>
    /// <exception cref="ImageDecodeException">The headers are missing or invalid.</exception>
    public static ImageInfo Identify(ReadOnlySpan<byte> data, string? sourceName = null) =>
        Run(data, DecodeOptions.Default, sourceName, (d, _) => JpegDecoder.Identify(d), (d, _) => PngDecoder.Identify(d));

    private static DecodeOptions Validate(DecodeOptions? options)
    {
        options ??= DecodeOptions.Default;
        if (options.Scale is not (DecodeScale.Full or DecodeScale.Half or DecodeScale.Quarter or DecodeScale.Eighth))
        {
            throw new ArgumentException($"DecodeOptions.Scale {(int)options.Scale} is not 1, 2, 4 or 8.", nameof(options));
        }

        if (options.MaxPixels <= 0 || options.MaxScans <= 0 || options.MinShortSide < 0)
        {
            throw new ArgumentException($"DecodeOptions.MaxPixels ({options.MaxPixels}) and MaxScans ({options.MaxScans}) must be positive and MinShortSide non-negative ({options.MinShortSide}).", nameof(options));
        }

        return options;
    }

    /// <summary>Dispatches on the format and labels format errors with <paramref name="sourceName"/>; internal for the tests' fake readers.</summary>
    internal static T Run<T>(ReadOnlySpan<byte> data, DecodeOptions options, string? sourceName, FormatReader<T> jpeg, FormatReader<T> png)
    {
        try
        {
            return DetectFormat(data) switch
            {
                ImageFormat.Jpeg => jpeg(data, options),
                ImageFormat.Png => png(data, options),
                _ => throw new ImageDecodeException(DescribeUnknown(data), offset: 0),
            };
        }
        catch (ImageDecodeException e) when (sourceName is not null && e.SourceName is null)
        {
            throw new ImageDecodeException(e.Reason, sourceName, e.Offset, e);
        }
    }

    private static string DescribeUnknown(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return "empty input (0 bytes)";
        }

        string? known = data switch
        {
            [(byte)'G', (byte)'I', (byte)'F', ..] => "GIF",
            [(byte)'B', (byte)'M', ..] => "BMP",
            [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "WebP",
            [(byte)'I', (byte)'I', 42, 0, ..] or [(byte)'M', (byte)'M', 0, 42, ..] => "TIFF",
            [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] => "HEIF/AVIF",
            _ => null,
        };
        string head = Convert.ToHexString(data[..Math.Min(8, data.Length)]);
        return known is null
            ? $"not a JPEG or PNG file (unrecognised leading bytes {head}, {data.Length} bytes)"
            : $"{known} images are not supported (only JPEG and PNG)";
    }
}
