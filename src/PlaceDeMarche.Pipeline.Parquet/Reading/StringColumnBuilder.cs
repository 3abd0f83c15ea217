using System.Buffers.Binary;
using System.Text;
using PlaceDeMarche.Pipeline.Parquet.Columns;
using PlaceDeMarche.Pipeline.Parquet.Encodings;
using PlaceDeMarche.Pipeline.Parquet.Format;

namespace PlaceDeMarche.Pipeline.Parquet.Reading;

/// <summary>Builds a <see cref="StringColumn"/> from BYTE_ARRAY pages (PLAIN: 4-byte length + UTF-8 bytes per value).</summary>
internal sealed class StringColumnBuilder(ColumnDescriptor descriptor, int rowCount) : ColumnBuilder(descriptor, rowCount)
{
    private readonly string?[] _values = new string?[rowCount];
    private string?[]? _dictionary;

    public override void LoadDictionary(ReadOnlySpan<byte> plainValues, int count)
    {
        if (count < 0)
        {
            throw new ParquetFormatException($"dictionary page declares {count} values.");
        }

        _dictionary = new string?[count];
        DecodePlain(plainValues, _dictionary);
    }

    public override void AddPage(ReadOnlySpan<int> repetitionLevels, ReadOnlySpan<int> definitionLevels, int levelCount, ParquetEncoding encoding, ReadOnlySpan<byte> values)
    {
        EnsureRoom(levelCount);
        Span<string?> destination = _values.AsSpan(RowsRead, levelCount);
        int maxLevel = Descriptor.MaxDefinitionLevel;
        int present = maxLevel == 0 ? levelCount : definitionLevels.Count(maxLevel);
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                DecodePlain(values, destination[..present]);
                break;
            case ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary:
                DictionaryIndexDecoder.Decode(values, _dictionary, destination[..present]);
                break;
            case ParquetEncoding.DeltaLengthByteArray:
                DecodeDeltaLength(values, destination[..present]);
                break;
            case ParquetEncoding.DeltaByteArray:
                DecodeDeltaStrings(values, destination[..present]);
                break;
            default:
                throw UnsupportedEncoding(encoding);
        }

        if (maxLevel > 0)
        {
            ScatterByDefinitionLevel(definitionLevels, maxLevel, present, destination, []);
        }

        RowsRead += levelCount;
    }

    public override ParquetColumn Build() => new StringColumn(Descriptor.Name, _values, Descriptor.IsNullable);

    /// <summary>DELTA_LENGTH_BYTE_ARRAY: all lengths (DELTA_BINARY_PACKED), then all bytes concatenated.</summary>
    private static void DecodeDeltaLength(ReadOnlySpan<byte> data, Span<string?> destination)
    {
        long[] lengths = new long[destination.Length];
        int position = DeltaBinaryPacked.Decode(data, lengths);
        for (int i = 0; i < destination.Length; i++)
        {
            int length = SliceLength(lengths[i], data.Length - position, i);
            destination[i] = Encoding.UTF8.GetString(data.Slice(position, length));
            position += length;
        }
    }

    /// <summary>DELTA_BYTE_ARRAY: prefix lengths shared with the previous value, then the suffixes as DELTA_LENGTH_BYTE_ARRAY.</summary>
    private static void DecodeDeltaStrings(ReadOnlySpan<byte> data, Span<string?> destination)
    {
        long[] prefixLengths = new long[destination.Length];
        int position = DeltaBinaryPacked.Decode(data, prefixLengths);
        long[] suffixLengths = new long[destination.Length];
        position += DeltaBinaryPacked.Decode(data[position..], suffixLengths);
        byte[] previous = [];
        for (int i = 0; i < destination.Length; i++)
        {
            int prefix = SliceLength(prefixLengths[i], previous.Length, i);
            int suffix = SliceLength(suffixLengths[i], data.Length - position, i);
            byte[] current = [.. previous.AsSpan(0, prefix), .. data.Slice(position, suffix)];
            position += suffix;
            destination[i] = Encoding.UTF8.GetString(current);
            previous = current;
        }
    }

    private static int SliceLength(long length, int available, int index) =>
        length >= 0 && length <= available
            ? (int)length
            : throw new ParquetFormatException($"byte array {index} has length {length} but only {available} bytes are available.");

    private static void DecodePlain(ReadOnlySpan<byte> data, Span<string?> destination)
    {
        int position = 0;
        for (int i = 0; i < destination.Length; i++)
        {
            int length = data.Length - position >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(data[position..]) : -1;
            if (length < 0 || length > data.Length - position - 4)
            {
                throw new ParquetFormatException($"PLAIN byte array {i} of {destination.Length} overruns the page (at page byte {position}).");
            }

            destination[i] = Encoding.UTF8.GetString(data.Slice(position + 4, length));
            position += 4 + length;
        }
    }
}
