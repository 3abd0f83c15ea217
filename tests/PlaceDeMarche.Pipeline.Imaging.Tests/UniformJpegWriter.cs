using System.Buffers.Binary;

namespace PlaceDeMarche.Pipeline.Imaging.Tests;

/// <summary>
/// Writes the smallest valid baseline JPEG of a uniform mid-gray image of any size (written from T.81, for
/// tests that need huge frames without committing huge files). One gray component, unit quantisation, and
/// Huffman tables with a single 1-bit code each: DC category 0 and AC end-of-block. Every block is then
/// "DC difference 0, EOB" = two zero bits, so a 93-megapixel frame takes about 360 KB. (The same bytes written
/// by a Python copy of this layout decode with djpeg to a uniform 128 gray.)
/// </summary>
internal static class UniformJpegWriter
{
    public static byte[] Write(int width, int height)
    {
        long blocks = (long)((width + 7) / 8) * ((height + 7) / 8);
        var output = new MemoryStream();
        output.Write([0xFF, 0xD8]);
        var quant = new byte[65];
        quant.AsSpan(1).Fill(1);
        Segment(output, 0xDB, quant);
        var frame = new byte[9];
        frame[0] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(1), checked((ushort)height));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(3), checked((ushort)width));
        frame[5] = 1;
        frame[6] = 1; // component id
        frame[7] = 0x11; // 1x1 sampling
        frame[8] = 0; // quantisation table 0
        Segment(output, 0xC0, frame);
        Segment(output, 0xC4, HuffmanTable(tableClassAndSlot: 0x00)); // DC: code "0" = category 0
        Segment(output, 0xC4, HuffmanTable(tableClassAndSlot: 0x10)); // AC: code "0" = EOB (symbol 0x00)
        Segment(output, 0xDA, [1, 1, 0x00, 0, 63, 0]);
        output.Write(new byte[(int)((2 * blocks + 7) / 8)]); // spare bits of the last byte are never read
        output.Write([0xFF, 0xD9]);
        return output.ToArray();
    }

    private static byte[] HuffmanTable(byte tableClassAndSlot)
    {
        var table = new byte[18];
        table[0] = tableClassAndSlot;
        table[1] = 1; // one code of length 1
        table[17] = 0x00; // its symbol
        return table;
    }

    private static void Segment(MemoryStream output, byte marker, ReadOnlySpan<byte> payload)
    {
        output.Write([0xFF, marker]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        output.Write(length);
        output.Write(payload);
    }
}
