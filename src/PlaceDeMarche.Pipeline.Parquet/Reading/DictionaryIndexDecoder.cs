using System.Buffers;
using PlaceDeMarche.Pipeline.Parquet.Encodings;

namespace PlaceDeMarche.Pipeline.Parquet.Reading;

/// <summary>Decodes dictionary-encoded page values: one byte of index bit width, then RLE-hybrid indices.</summary>
internal static class DictionaryIndexDecoder
{
    public static void Decode<T>(ReadOnlySpan<byte> data, T[]? dictionary, Span<T> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        if (dictionary is null)
        {
            throw new ParquetFormatException("a dictionary-encoded page appears before any dictionary page.");
        }

        if (data.IsEmpty || data[0] > 32)
        {
            throw new ParquetFormatException($"dictionary index bit width {(data.IsEmpty ? "missing" : data[0].ToString())} is invalid.");
        }

        int[] indices = ArrayPool<int>.Shared.Rent(destination.Length);
        try
        {
            Span<int> span = indices.AsSpan(0, destination.Length);
            RleBitPackedHybrid.Decode(data[1..], data[0], span);
            for (int i = 0; i < span.Length; i++)
            {
                int index = span[i];
                if ((uint)index >= (uint)dictionary.Length)
                {
                    throw new ParquetFormatException($"dictionary index {index} is out of range (the dictionary has {dictionary.Length} entries).");
                }

                destination[i] = dictionary[index];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
        }
    }
}
