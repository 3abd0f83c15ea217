using System.Buffers;

namespace PlaceDeMarche.Pipeline.Parquet.Encodings;

/// <summary>Unsigned LEB128 varints (7 bits per byte, low group first), shared by Thrift, RLE headers and Snappy.</summary>
internal static class Varint
{
    public const int MaxLength = 10;

    public static void Write(ulong value, IBufferWriter<byte> output)
    {
        int length = Write(value, output.GetSpan(MaxLength));
        output.Advance(length);
    }

    /// <summary>Writes into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes or enough for the value); returns the length.</summary>
    public static int Write(ulong value, Span<byte> destination)
    {
        int length = 0;
        while (value >= 0x80)
        {
            destination[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[length++] = (byte)value;
        return length;
    }

    /// <summary>Reads a varint at <paramref name="position"/>; false if the data ends first or it exceeds 64 bits.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        value = 0;
        int cursor = position;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (cursor >= data.Length)
            {
                return false;
            }

            byte b = data[cursor++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                position = cursor;
                return true;
            }
        }

        return false;
    }

    /// <summary>Undoes zigzag encoding (0, -1, 1, -2, ... stored as 0, 1, 2, 3, ...).</summary>
    public static long ZigZagDecode(ulong raw) => (long)(raw >> 1) ^ -(long)(raw & 1);

    /// <summary>Zigzag-encodes so small negative numbers get short varints.</summary>
    public static ulong ZigZagEncode(long value) => (ulong)((value << 1) ^ (value >> 63));
}
