using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PlaceDeMarche.Pipeline.Parquet.Encodings;
using PlaceDeMarche.Pipeline.Parquet.Format;

namespace PlaceDeMarche.Pipeline.Parquet.Reading;

/// <summary>Decodes the values of fixed-width (and boolean) pages: PLAIN, dictionary, and RLE booleans.</summary>
internal sealed class PrimitiveValueDecoder<T>(Func<ParquetEncoding, NotSupportedException> unsupportedEncoding)
    where T : unmanaged
{
    private T[]? _dictionary;

    public void LoadDictionary(ReadOnlySpan<byte> plainValues, int count)
    {
        if (count < 0)
        {
            throw new ParquetFormatException($"dictionary page declares {count} values.");
        }

        _dictionary = new T[count];
        DecodePlain(plainValues, _dictionary);
    }

    /// <summary>Decodes exactly <c>destination.Length</c> values.</summary>
    public void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<T> destination)
    {
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                DecodePlain(data, destination);
                break;
            case ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary:
                DictionaryIndexDecoder.Decode(data, _dictionary, destination);
                break;
            case ParquetEncoding.Rle when typeof(T) == typeof(bool):
                DecodeRleBooleans(data, MemoryMarshal.Cast<T, bool>(destination));
                break;
            case ParquetEncoding.DeltaBinaryPacked when typeof(T) == typeof(int) || typeof(T) == typeof(long):
                DecodeDelta(data, destination);
                break;
            case ParquetEncoding.ByteStreamSplit when typeof(T) != typeof(bool):
                DecodeByteStreamSplit(data, destination);
                break;
            default:
                throw unsupportedEncoding(encoding);
        }
    }

    private static void DecodePlain(ReadOnlySpan<byte> data, Span<T> destination)
    {
        if (typeof(T) == typeof(bool))
        {
            RleBitPackedHybrid.UnpackBooleans(data, MemoryMarshal.Cast<T, bool>(destination));
            return;
        }

        long byteCount = (long)destination.Length * Unsafe.SizeOf<T>();
        if (byteCount > data.Length)
        {
            throw new ParquetFormatException($"PLAIN values truncated: {destination.Length} values need {byteCount} bytes, the page has {data.Length}.");
        }

        MemoryMarshal.Cast<byte, T>(data[..(int)byteCount]).CopyTo(destination);
    }

    private static void DecodeDelta(ReadOnlySpan<byte> data, Span<T> destination)
    {
        long[] values = ArrayPool<long>.Shared.Rent(destination.Length);
        try
        {
            Span<long> decoded = values.AsSpan(0, destination.Length);
            DeltaBinaryPacked.Decode(data, decoded);
            if (typeof(T) == typeof(long))
            {
                decoded.CopyTo(MemoryMarshal.Cast<T, long>(destination));
                return;
            }

            Span<int> ints = MemoryMarshal.Cast<T, int>(destination);
            for (int i = 0; i < ints.Length; i++)
            {
                ints[i] = unchecked((int)decoded[i]);
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(values);
        }
    }

    /// <summary>BYTE_STREAM_SPLIT stores byte k of every value in stream k: byte k of value i is at k * count + i.</summary>
    private static void DecodeByteStreamSplit(ReadOnlySpan<byte> data, Span<T> destination)
    {
        int size = Unsafe.SizeOf<T>();
        int count = destination.Length;
        if ((long)count * size > data.Length)
        {
            throw new ParquetFormatException($"BYTE_STREAM_SPLIT values truncated: {count} values need {(long)count * size} bytes, the page has {data.Length}.");
        }

        Span<byte> bytes = MemoryMarshal.AsBytes(destination);
        for (int stream = 0; stream < size; stream++)
        {
            ReadOnlySpan<byte> source = data.Slice(stream * count, count);
            for (int i = 0; i < count; i++)
            {
                bytes[(i * size) + stream] = source[i];
            }
        }
    }

    private static void DecodeRleBooleans(ReadOnlySpan<byte> data, Span<bool> destination)
    {
        int length = data.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(data) : -1;
        if (length < 0 || length > data.Length - 4)
        {
            throw new ParquetFormatException("RLE boolean values have a missing or invalid length prefix.");
        }

        int[] bits = ArrayPool<int>.Shared.Rent(destination.Length);
        try
        {
            RleBitPackedHybrid.Decode(data.Slice(4, length), 1, bits.AsSpan(0, destination.Length));
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = bits[i] != 0;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bits);
        }
    }
}
