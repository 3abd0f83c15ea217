namespace PlaceDeMarche.Pipeline.Parquet.Encodings;

/// <summary>
/// Decoder of DELTA_BINARY_PACKED integers: a header (block size, miniblocks per block, value count, zigzag first
/// value), then blocks of a zigzag minimum delta, one bit width per miniblock and the bit-packed (delta - min)
/// values of each miniblock. Used by Parquet version-2 writers (DuckDB with PARQUET_VERSION V2).
/// </summary>
internal static class DeltaBinaryPacked
{
    /// <summary>Decodes all values (<c>destination.Length</c> must equal the header's count); returns the bytes consumed.</summary>
    public static int Decode(ReadOnlySpan<byte> data, Span<long> destination)
    {
        int position = 0;
        ulong blockSize = ReadVarint(data, ref position);
        ulong miniblockCount = ReadVarint(data, ref position);
        ulong total = ReadVarint(data, ref position);
        long value = Varint.ZigZagDecode(ReadVarint(data, ref position));
        if (blockSize == 0 || blockSize % 128 != 0 || miniblockCount == 0 || blockSize % miniblockCount != 0 ||
            blockSize / miniblockCount % 32 != 0 || blockSize > 1 << 20)
        {
            throw Corrupt($"invalid header: block size {blockSize}, {miniblockCount} miniblocks");
        }

        if (total != (ulong)destination.Length)
        {
            throw Corrupt($"it holds {total} values where {destination.Length} were expected");
        }

        if (destination.IsEmpty)
        {
            return position;
        }

        int valuesPerMiniblock = (int)(blockSize / miniblockCount);
        destination[0] = value;
        int produced = 1;
        while (produced < destination.Length)
        {
            long minDelta = Varint.ZigZagDecode(ReadVarint(data, ref position));
            if ((ulong)(data.Length - position) < miniblockCount)
            {
                throw Corrupt("block bit widths truncated");
            }

            ReadOnlySpan<byte> bitWidths = data.Slice(position, (int)miniblockCount);
            position += (int)miniblockCount;
            for (int miniblock = 0; miniblock < bitWidths.Length && produced < destination.Length; miniblock++)
            {
                int bitWidth = bitWidths[miniblock];
                if (bitWidth > 64)
                {
                    throw Corrupt($"bit width {bitWidth} exceeds 64");
                }

                int count = Math.Min(valuesPerMiniblock, destination.Length - produced);
                int neededBytes = (count * bitWidth + 7) / 8;
                if (neededBytes > data.Length - position)
                {
                    throw Corrupt($"miniblock truncated at byte {position}");
                }

                ReadOnlySpan<byte> packed = data[position..];
                for (int i = 0; i < count; i++)
                {
                    // Deltas wrap around like the writer's two's-complement arithmetic.
                    value = unchecked(value + minDelta + (long)ReadBits(packed, (long)i * bitWidth, bitWidth));
                    destination[produced++] = value;
                }

                // Only the last miniblock may be cut short; earlier ones always take their full size.
                position += Math.Min(valuesPerMiniblock * bitWidth / 8, data.Length - position);
            }
        }

        return position;
    }

    private static ulong ReadBits(ReadOnlySpan<byte> data, long bitOffset, int bitWidth)
    {
        ulong result = 0;
        int gathered = 0;
        while (gathered < bitWidth)
        {
            long bit = bitOffset + gathered;
            int bitInByte = (int)(bit & 7);
            int take = Math.Min(8 - bitInByte, bitWidth - gathered);
            ulong bits = (ulong)(data[(int)(bit >> 3)] >> bitInByte) & ((1UL << take) - 1);
            result |= bits << gathered;
            gathered += take;
        }

        return result;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position) =>
        Varint.TryRead(data, ref position, out ulong value) ? value : throw Corrupt($"varint truncated at byte {position}");

    private static ParquetFormatException Corrupt(string what) => new($"DELTA_BINARY_PACKED data is corrupt: {what}.");
}
