using System.Buffers;
using System.Buffers.Binary;
using PlaceDeMarche.Pipeline.Parquet.Encodings;

namespace PlaceDeMarche.Pipeline.Parquet.Compression;

/// <summary>
/// Snappy raw block format (what Parquet's SNAPPY codec means): a varint uncompressed length, then elements whose
/// tag's low two bits select a literal (00) or a back-reference copy with a 1-, 2- or 4-byte offset (01, 10, 11).
/// The compressor is a greedy single-probe hash matcher; its output is deterministic.
/// </summary>
internal static class SnappyCodec
{
    private const int HashBits = 14;
    private const int MaxOffset = 65535;

    /// <summary>Worst-case compressed size for <paramref name="inputLength"/> bytes.</summary>
    public static int MaxCompressedLength(int inputLength) => 32 + inputLength + (inputLength / 6);

    /// <summary>Compresses <paramref name="input"/> into <paramref name="output"/> (at least <see cref="MaxCompressedLength"/> bytes); returns the length written.</summary>
    public static int Compress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int written = Varint.Write((ulong)input.Length, output);
        int[] table = ArrayPool<int>.Shared.Rent(1 << HashBits);
        try
        {
            Array.Fill(table, -1, 0, 1 << HashBits);
            int literalStart = 0;
            int position = 0;
            int misses = 0;
            while (position <= input.Length - 4)
            {
                uint sequence = BinaryPrimitives.ReadUInt32LittleEndian(input[position..]);
                int slot = (int)((sequence * 0x1E35A7BDu) >> (32 - HashBits));
                int candidate = table[slot];
                table[slot] = position;
                if (candidate >= 0 && position - candidate <= MaxOffset &&
                    BinaryPrimitives.ReadUInt32LittleEndian(input[candidate..]) == sequence)
                {
                    int length = 4 + input[(candidate + 4)..].CommonPrefixLength(input[(position + 4)..]);
                    written += WriteLiteral(input[literalStart..position], output[written..]);
                    written += WriteCopy(position - candidate, length, output[written..]);
                    position += length;
                    literalStart = position;
                    misses = 0;
                }
                else
                {
                    // Probe less often the longer nothing matches, so incompressible data (e.g. floats) stays fast.
                    position += 1 + (misses++ >> 5);
                }
            }

            written += WriteLiteral(input[literalStart..], output[written..]);
            return written;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(table);
        }
    }

    /// <summary>Decompresses <paramref name="input"/>, which must expand to exactly <c>output.Length</c> bytes.</summary>
    public static void Decompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int inputPosition = 0;
        if (!Varint.TryRead(input, ref inputPosition, out ulong declaredLength))
        {
            throw Corrupt("the length header is truncated");
        }

        if (declaredLength != (ulong)output.Length)
        {
            throw Corrupt($"it declares {declaredLength} bytes but the page header says {output.Length}");
        }

        int outputPosition = 0;
        while (inputPosition < input.Length)
        {
            byte tag = input[inputPosition++];
            int length;
            int offset;
            switch (tag & 3)
            {
                case 0:
                    length = tag >> 2;
                    if (length >= 60)
                    {
                        int extraBytes = length - 59;
                        if (extraBytes > input.Length - inputPosition)
                        {
                            throw Corrupt($"literal length truncated at input byte {inputPosition}");
                        }

                        length = 0;
                        for (int i = 0; i < extraBytes; i++)
                        {
                            length |= input[inputPosition + i] << (8 * i);
                        }

                        inputPosition += extraBytes;
                    }

                    length++;
                    if (length <= 0 || length > input.Length - inputPosition || length > output.Length - outputPosition)
                    {
                        throw Corrupt($"literal of {length} bytes at input byte {inputPosition} overruns the data");
                    }

                    input.Slice(inputPosition, length).CopyTo(output[outputPosition..]);
                    inputPosition += length;
                    outputPosition += length;
                    continue;
                case 1:
                    if (inputPosition >= input.Length)
                    {
                        throw Corrupt("copy offset truncated");
                    }

                    length = ((tag >> 2) & 7) + 4;
                    offset = ((tag >> 5) << 8) | input[inputPosition++];
                    break;
                case 2:
                    if (2 > input.Length - inputPosition)
                    {
                        throw Corrupt("copy offset truncated");
                    }

                    length = (tag >> 2) + 1;
                    offset = BinaryPrimitives.ReadUInt16LittleEndian(input[inputPosition..]);
                    inputPosition += 2;
                    break;
                default:
                    if (4 > input.Length - inputPosition)
                    {
                        throw Corrupt("copy offset truncated");
                    }

                    length = (tag >> 2) + 1;
                    offset = BinaryPrimitives.ReadInt32LittleEndian(input[inputPosition..]);
                    inputPosition += 4;
                    break;
            }

            if (offset <= 0 || offset > outputPosition || length > output.Length - outputPosition)
            {
                throw Corrupt($"copy of {length} bytes from distance {offset} at output byte {outputPosition} is out of range");
            }

            CopyWithin(output, outputPosition - offset, outputPosition, length);
            outputPosition += length;
        }

        if (outputPosition != output.Length)
        {
            throw Corrupt($"it expanded to {outputPosition} bytes instead of {output.Length}");
        }
    }

    private static void CopyWithin(Span<byte> buffer, int source, int destination, int length)
    {
        if (destination - source >= length)
        {
            buffer.Slice(source, length).CopyTo(buffer[destination..]);
            return;
        }

        // Overlapping copy repeats the last (destination - source) bytes: must go forward byte by byte.
        for (int i = 0; i < length; i++)
        {
            buffer[destination + i] = buffer[source + i];
        }
    }

    private static int WriteLiteral(ReadOnlySpan<byte> literal, Span<byte> output)
    {
        if (literal.IsEmpty)
        {
            return 0;
        }

        int lengthMinusOne = literal.Length - 1;
        int headerLength;
        if (lengthMinusOne < 60)
        {
            output[0] = (byte)(lengthMinusOne << 2);
            headerLength = 1;
        }
        else
        {
            int extraBytes = lengthMinusOne < 1 << 8 ? 1 : lengthMinusOne < 1 << 16 ? 2 : lengthMinusOne < 1 << 24 ? 3 : 4;
            output[0] = (byte)((59 + extraBytes) << 2);
            for (int i = 0; i < extraBytes; i++)
            {
                output[1 + i] = (byte)(lengthMinusOne >> (8 * i));
            }

            headerLength = 1 + extraBytes;
        }

        literal.CopyTo(output[headerLength..]);
        return headerLength + literal.Length;
    }

    private static int WriteCopy(int offset, int length, Span<byte> output)
    {
        int written = 0;
        // Copies hold at most 64 bytes; leave at least 4 for the last one.
        while (length >= 68)
        {
            written += WriteCopyTwoByteOffset(offset, 64, output[written..]);
            length -= 64;
        }

        if (length > 64)
        {
            written += WriteCopyTwoByteOffset(offset, 60, output[written..]);
            length -= 60;
        }

        if (length < 12 && offset < 2048)
        {
            output[written] = (byte)(1 | ((length - 4) << 2) | ((offset >> 8) << 5));
            output[written + 1] = (byte)offset;
            return written + 2;
        }

        return written + WriteCopyTwoByteOffset(offset, length, output[written..]);
    }

    private static int WriteCopyTwoByteOffset(int offset, int length, Span<byte> output)
    {
        output[0] = (byte)(2 | ((length - 1) << 2));
        BinaryPrimitives.WriteUInt16LittleEndian(output[1..], (ushort)offset);
        return 3;
    }

    private static ParquetFormatException Corrupt(string what) => new($"Snappy data is corrupt: {what}.");
}
