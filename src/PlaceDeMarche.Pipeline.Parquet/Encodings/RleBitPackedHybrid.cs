using System.Buffers;
using System.Numerics;

namespace PlaceDeMarche.Pipeline.Parquet.Encodings;

/// <summary>
/// The RLE / bit-packing hybrid encoding used for repetition and definition levels, dictionary indices and RLE
/// booleans: a sequence of runs, each introduced by a varint header whose low bit says whether it is an RLE run
/// (count &lt;&lt; 1, then the value in ceil(bitWidth / 8) little-endian bytes) or a bit-packed run
/// (groups &lt;&lt; 1 | 1, then groups x 8 values packed LSB-first in groups x bitWidth bytes).
/// </summary>
internal static class RleBitPackedHybrid
{
    // Runs shorter than this are cheaper bit-packed than as an RLE header plus value.
    private const int MinRleRun = 8;

    /// <summary>Bits needed to store values up to <paramref name="maxValue"/>.</summary>
    public static int BitWidthOf(int maxValue) => 32 - BitOperations.LeadingZeroCount((uint)maxValue);

    /// <summary>
    /// Encodes <paramref name="values"/>. Long repeats become RLE runs; everything else is bit-packed. Bit-packed
    /// runs hold a multiple of 8 values, so only the very last run is padded (readers stop at the value count).
    /// </summary>
    public static void Encode(ReadOnlySpan<int> values, int bitWidth, IBufferWriter<byte> output)
    {
        int literalStart = 0;
        int position = 0;
        while (position < values.Length)
        {
            int value = values[position];
            int runLength = values[position..].IndexOfAnyExcept(value);
            int runEnd = runLength < 0 ? values.Length : position + runLength;

            // Lend the head of the run to the pending literal so that literal stays a whole number of groups.
            int padding = (8 - ((position - literalStart) % 8)) % 8;
            if (runEnd - position - padding >= MinRleRun)
            {
                position += padding;
                WriteBitPacked(values[literalStart..position], bitWidth, output);
                WriteRle(value, runEnd - position, bitWidth, output);
                literalStart = runEnd;
            }

            position = runEnd;
        }

        WriteBitPacked(values[literalStart..], bitWidth, output);
    }

    /// <summary>
    /// Decodes exactly <c>output.Length</c> values from <paramref name="data"/>; throws
    /// <see cref="ParquetFormatException"/> if the data ends first.
    /// </summary>
    public static void Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> output)
    {
        int valueBytes = (bitWidth + 7) / 8;
        uint mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        int position = 0;
        int produced = 0;
        while (produced < output.Length)
        {
            if (!Varint.TryRead(data, ref position, out ulong header))
            {
                throw Truncated(produced, output.Length);
            }

            if ((header & 1) == 0)
            {
                if (valueBytes > data.Length - position)
                {
                    throw Truncated(produced, output.Length);
                }

                uint value = 0;
                for (int i = 0; i < valueBytes; i++)
                {
                    value |= (uint)data[position + i] << (8 * i);
                }

                position += valueBytes;
                int count = (int)Math.Min(header >> 1, (ulong)(output.Length - produced));
                output.Slice(produced, count).Fill((int)(value & mask));
                produced += count;
            }
            else
            {
                ulong valuesInRun = (header >> 1) * 8;
                long runBytes = (long)(header >> 1) * bitWidth;
                int availableBytes = (int)Math.Min(runBytes, data.Length - position);
                // Some writers cut the padding off the last run, so decode what the bytes actually hold.
                long decodable = bitWidth == 0 ? (long)valuesInRun : Math.Min((long)valuesInRun, availableBytes * 8L / bitWidth);
                int count = (int)Math.Min(decodable, output.Length - produced);
                if (count < output.Length - produced && decodable < (long)valuesInRun)
                {
                    throw Truncated(produced + count, output.Length);
                }

                Unpack(data.Slice(position, availableBytes), bitWidth, mask, output.Slice(produced, count));
                position += availableBytes;
                produced += count;
            }
        }
    }

    /// <summary>Reads the bit-packed booleans of PLAIN encoding (LSB first).</summary>
    public static void UnpackBooleans(ReadOnlySpan<byte> data, Span<bool> output)
    {
        if (data.Length < (output.Length + 7) / 8)
        {
            throw new ParquetFormatException($"PLAIN booleans truncated: {output.Length} values need {(output.Length + 7) / 8} bytes, {data.Length} present.");
        }

        for (int i = 0; i < output.Length; i++)
        {
            output[i] = ((data[i >> 3] >> (i & 7)) & 1) != 0;
        }
    }

    /// <summary>Writes booleans bit-packed LSB first, as PLAIN encoding stores them.</summary>
    public static void PackBooleans(ReadOnlySpan<bool> values, IBufferWriter<byte> output)
    {
        int byteCount = (values.Length + 7) / 8;
        Span<byte> span = output.GetSpan(byteCount)[..byteCount];
        span.Clear();
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i])
            {
                span[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        output.Advance(byteCount);
    }

    private static void WriteRle(int value, int count, int bitWidth, IBufferWriter<byte> output)
    {
        Varint.Write((ulong)count << 1, output);
        int valueBytes = (bitWidth + 7) / 8;
        Span<byte> span = output.GetSpan(valueBytes);
        for (int i = 0; i < valueBytes; i++)
        {
            span[i] = (byte)(value >> (8 * i));
        }

        output.Advance(valueBytes);
    }

    private static void WriteBitPacked(ReadOnlySpan<int> values, int bitWidth, IBufferWriter<byte> output)
    {
        if (values.IsEmpty)
        {
            return;
        }

        int groups = (values.Length + 7) / 8;
        Varint.Write(((ulong)groups << 1) | 1, output);
        int byteCount = groups * bitWidth;
        Span<byte> span = output.GetSpan(byteCount);
        ulong buffer = 0;
        int bufferedBits = 0;
        int written = 0;
        for (int i = 0; i < groups * 8; i++)
        {
            ulong value = i < values.Length ? (uint)values[i] : 0;
            buffer |= value << bufferedBits;
            bufferedBits += bitWidth;
            while (bufferedBits >= 8)
            {
                span[written++] = (byte)buffer;
                buffer >>= 8;
                bufferedBits -= 8;
            }
        }

        output.Advance(byteCount);
    }

    private static void Unpack(ReadOnlySpan<byte> data, int bitWidth, uint mask, Span<int> output)
    {
        if (bitWidth == 0)
        {
            output.Clear();
            return;
        }

        ulong buffer = 0;
        int bufferedBits = 0;
        int next = 0;
        for (int i = 0; i < output.Length; i++)
        {
            while (bufferedBits < bitWidth)
            {
                buffer |= (ulong)data[next++] << bufferedBits;
                bufferedBits += 8;
            }

            output[i] = (int)((uint)buffer & mask);
            buffer >>= bitWidth;
            bufferedBits -= bitWidth;
        }
    }



    private static ParquetFormatException Truncated(int produced, int expected) =>
        new($"RLE/bit-packed data ends after {produced} of {expected} values.");
}
