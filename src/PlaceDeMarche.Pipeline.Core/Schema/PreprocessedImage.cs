using System.Buffers.Binary;

namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>
/// One preprocessed photo as stored in the per-image cache and in <c>image/preprocessed.bin</c>: the gray model
/// input and a small RGB thumbnail (colour features, report). Layout: four little-endian int32 (gray width, gray
/// height, thumbnail width, thumbnail height), the gray bytes, then the RGB24 thumbnail bytes.
/// </summary>
public sealed record PreprocessedImage(int GrayWidth, int GrayHeight, byte[] Gray, int ThumbnailWidth, int ThumbnailHeight, byte[] ThumbnailRgb)
{
    private const int HeaderLength = 16;

    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderLength + Gray.Length + ThumbnailRgb.Length];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, GrayWidth);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), GrayHeight);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), ThumbnailWidth);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), ThumbnailHeight);
        Gray.CopyTo(bytes, HeaderLength);
        ThumbnailRgb.CopyTo(bytes, HeaderLength + Gray.Length);
        return bytes;
    }

    /// <exception cref="InvalidDataException">The bytes do not hold a whole entry; <paramref name="source"/> names where they came from.</exception>
    public static PreprocessedImage FromBytes(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.Length < HeaderLength)
        {
            throw new InvalidDataException($"{source}: preprocessed image entry of {bytes.Length} bytes is shorter than its header; rerun ImagePreprocess.");
        }

        var grayWidth = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var grayHeight = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        var thumbnailWidth = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        var thumbnailHeight = BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
        var grayLength = (long)grayWidth * grayHeight;
        var thumbnailLength = (long)thumbnailWidth * thumbnailHeight * 3;
        if (grayWidth <= 0 || grayHeight <= 0 || thumbnailWidth <= 0 || thumbnailHeight <= 0 || HeaderLength + grayLength + thumbnailLength != bytes.Length)
        {
            throw new InvalidDataException($"{source}: preprocessed image entry ({grayWidth}x{grayHeight} gray, {thumbnailWidth}x{thumbnailHeight} thumbnail) does not match its {bytes.Length} bytes; rerun ImagePreprocess.");
        }

        var gray = bytes.Slice(HeaderLength, (int)grayLength).ToArray();
        var thumbnail = bytes.Slice(HeaderLength + (int)grayLength, (int)thumbnailLength).ToArray();
        return new PreprocessedImage(grayWidth, grayHeight, gray, thumbnailWidth, thumbnailHeight, thumbnail);
    }

    /// <summary>Reads the entry of <paramref name="row"/> from the pack file <paramref name="packPath"/>.</summary>
    public static PreprocessedImage Read(string packPath, ImageIndexRow row)
    {
        if (!row.IsUsable)
        {
            throw new InvalidOperationException($"Product {row.Id} has no preprocessed image ({row.Reason}).");
        }

        using var handle = File.OpenHandle(packPath);
        var bytes = new byte[row.Length];
        var read = RandomAccess.Read(handle, bytes, row.Offset);
        return read == bytes.Length
            ? FromBytes(bytes, $"{packPath} (product {row.Id})")
            : throw new InvalidDataException($"{packPath}: entry of product {row.Id} ends past the end of the file; rerun ImagePreprocess.");
    }
}
