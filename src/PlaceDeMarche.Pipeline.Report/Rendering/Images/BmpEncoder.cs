using System.Buffers.Binary;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Images;

/// <summary>
/// Wraps raw RGB24 pixels in a 24-bit BMP file in memory, the simplest lossless format PDFsharp imports (it then
/// stores the pixels Flate-compressed in the PDF).
/// </summary>
internal static class BmpEncoder
{
    private const int FileHeaderSize = 14;
    private const int InfoHeaderSize = 40;

    public static byte[] Encode(ReadOnlySpan<byte> rgb24, int width, int height)
    {
        var stride = (width * 3 + 3) & ~3;
        var pixelOffset = FileHeaderSize + InfoHeaderSize;
        var bytes = new byte[pixelOffset + stride * height];
        var span = bytes.AsSpan();
        span[0] = (byte)'B';
        span[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(span[2..], bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[10..], pixelOffset);
        BinaryPrimitives.WriteInt32LittleEndian(span[14..], InfoHeaderSize);
        BinaryPrimitives.WriteInt32LittleEndian(span[18..], width);
        BinaryPrimitives.WriteInt32LittleEndian(span[22..], height); // positive: rows stored bottom-up
        BinaryPrimitives.WriteInt16LittleEndian(span[26..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[28..], 24);
        BinaryPrimitives.WriteInt32LittleEndian(span[34..], stride * height);
        BinaryPrimitives.WriteInt32LittleEndian(span[38..], 3780); // 96 dpi in pixels per metre
        BinaryPrimitives.WriteInt32LittleEndian(span[42..], 3780);

        for (var row = 0; row < height; row++)
        {
            var source = rgb24.Slice(row * width * 3, width * 3);
            var target = span.Slice(pixelOffset + (height - 1 - row) * stride, width * 3);
            for (var i = 0; i < source.Length; i += 3)
            {
                // BMP stores blue, green, red.
                target[i] = source[i + 2];
                target[i + 1] = source[i + 1];
                target[i + 2] = source[i];
            }
        }

        return bytes;
    }
}
