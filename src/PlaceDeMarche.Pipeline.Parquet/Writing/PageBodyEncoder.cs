using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using PlaceDeMarche.Pipeline.Parquet.Columns;
using PlaceDeMarche.Pipeline.Parquet.Encodings;

namespace PlaceDeMarche.Pipeline.Parquet.Writing;

/// <summary>
/// Encodes the uncompressed body of a version-1 data page for a range of rows: repetition levels, definition
/// levels (each RLE-hybrid with a 4-byte length prefix, present only when the maximum level is positive), then
/// the non-null values in PLAIN encoding.
/// </summary>
internal sealed class PageBodyEncoder
{
    private readonly ArrayBufferWriter<byte> _levelBytes = new();
    private int[] _repetitionLevels = [];
    private int[] _definitionLevels = [];

    /// <summary>Encodes rows [start, start + count) into <paramref name="body"/>; returns the number of level entries (page num_values).</summary>
    public int Encode(ParquetColumn column, ColumnLayout layout, int start, int count, ArrayBufferWriter<byte> body) => column switch
    {
        PrimitiveColumn<bool> booleans => EncodeBooleans(booleans, start, count, body),
        PrimitiveColumn<int> ints => EncodeFixedWidth(ints, start, count, body),
        PrimitiveColumn<long> longs => EncodeFixedWidth(longs, start, count, body),
        PrimitiveColumn<float> floats => EncodeFixedWidth(floats, start, count, body),
        PrimitiveColumn<double> doubles => EncodeFixedWidth(doubles, start, count, body),
        StringColumn strings => EncodeStrings(strings, start, count, body),
        FloatVectorColumn vectors => EncodeVectors(vectors, layout, start, count, body),
        _ => throw new NotSupportedException($"Column '{column.Name}' has an unsupported column type {column.GetType().Name}."),
    };

    /// <summary>
    /// End (exclusive) of the page starting at <paramref name="start"/>: as many rows as fit in about
    /// <paramref name="targetBytes"/>, at least one, never past <paramref name="end"/>.
    /// </summary>
    public static int PageEnd(ParquetColumn column, int start, int end, int targetBytes)
    {
        int fixedWidth = column.Kind switch
        {
            ParquetValueKind.Boolean => 1,
            ParquetValueKind.Int32 or ParquetValueKind.Float => 4,
            ParquetValueKind.Int64 or ParquetValueKind.Double => 8,
            _ => 0,
        };
        if (fixedWidth > 0)
        {
            return (int)Math.Min(end, start + Math.Max(1L, targetBytes / fixedWidth));
        }

        long bytes = 0;
        int row = start;
        while (row < end && (row == start || bytes < targetBytes))
        {
            bytes += column switch
            {
                StringColumn strings => 4 + (strings.Values[row]?.Length ?? 0),
                FloatVectorColumn vectors => 2 + (4L * (vectors.Values[row]?.Length ?? 0)),
                _ => 0,
            };
            row++;
        }

        return row;
    }

    private int EncodeBooleans(PrimitiveColumn<bool> column, int start, int count, ArrayBufferWriter<byte> body)
    {
        ReadOnlySpan<bool> values = column.Values.AsSpan(start, count);
        if (!column.IsNullable)
        {
            RleBitPackedHybrid.PackBooleans(values, body);
            return count;
        }

        WriteValidityLevels(column.Validity.Slice(start, count), body);
        bool[] present = ArrayPool<bool>.Shared.Rent(count);
        try
        {
            int presentCount = Compact(values, column.Validity.Slice(start, count), present);
            RleBitPackedHybrid.PackBooleans(present.AsSpan(0, presentCount), body);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(present);
        }

        return count;
    }

    private int EncodeFixedWidth<T>(PrimitiveColumn<T> column, int start, int count, ArrayBufferWriter<byte> body)
        where T : unmanaged
    {
        ReadOnlySpan<T> values = column.Values.AsSpan(start, count);
        if (!column.IsNullable)
        {
            Append(MemoryMarshal.AsBytes(values), body);
            return count;
        }

        ReadOnlySpan<bool> validity = column.Validity.Slice(start, count);
        WriteValidityLevels(validity, body);
        int size = Unsafe.SizeOf<T>();
        Span<T> destination = MemoryMarshal.Cast<byte, T>(body.GetSpan(count * size)[..(count * size)]);
        int presentCount = Compact(values, validity, destination);
        body.Advance(presentCount * size);
        return count;
    }

    private int EncodeStrings(StringColumn column, int start, int count, ArrayBufferWriter<byte> body)
    {
        ReadOnlySpan<string?> values = column.Values.AsSpan(start, count);
        if (column.IsNullable)
        {
            Span<int> levels = Levels(ref _definitionLevels, count);
            for (int i = 0; i < count; i++)
            {
                levels[i] = values[i] is null ? 0 : 1;
            }

            WriteLevels(levels, 1, body);
        }

        foreach (string? value in values)
        {
            if (value is null)
            {
                continue;
            }

            Span<byte> span = body.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
            int length = Encoding.UTF8.GetBytes(value, span[4..]);
            BinaryPrimitives.WriteInt32LittleEndian(span, length);
            body.Advance(4 + length);
        }

        return count;
    }

    private int EncodeVectors(FloatVectorColumn column, ColumnLayout layout, int start, int count, ArrayBufferWriter<byte> body)
    {
        ReadOnlySpan<float[]?> vectors = column.Values.AsSpan(start, count);
        int entries = 0;
        foreach (float[]? vector in vectors)
        {
            entries += Math.Max(1, vector?.Length ?? 0);
        }

        // Level meaning (optional list): 0 = null list, 1 = empty list, 2 = element; required list shifts down by one.
        int elementLevel = layout.MaxDefinitionLevel;
        Span<int> repetition = Levels(ref _repetitionLevels, entries);
        Span<int> definition = Levels(ref _definitionLevels, entries);
        int entry = 0;
        foreach (float[]? vector in vectors)
        {
            if (vector is null || vector.Length == 0)
            {
                repetition[entry] = 0;
                definition[entry++] = vector is null ? 0 : elementLevel - 1;
                continue;
            }

            repetition[entry] = 0;
            repetition.Slice(entry + 1, vector.Length - 1).Fill(1);
            definition.Slice(entry, vector.Length).Fill(elementLevel);
            entry += vector.Length;
        }

        WriteLevels(repetition, layout.MaxRepetitionLevel, body);
        WriteLevels(definition, layout.MaxDefinitionLevel, body);
        foreach (float[]? vector in vectors)
        {
            if (vector is not null)
            {
                Append(MemoryMarshal.AsBytes(vector.AsSpan()), body);
            }
        }

        return entries;
    }

    private void WriteValidityLevels(ReadOnlySpan<bool> validity, ArrayBufferWriter<byte> body)
    {
        Span<int> levels = Levels(ref _definitionLevels, validity.Length);
        for (int i = 0; i < validity.Length; i++)
        {
            levels[i] = validity[i] ? 1 : 0;
        }

        WriteLevels(levels, 1, body);
    }

    private void WriteLevels(ReadOnlySpan<int> levels, int maxLevel, ArrayBufferWriter<byte> body)
    {
        _levelBytes.ResetWrittenCount();
        RleBitPackedHybrid.Encode(levels, RleBitPackedHybrid.BitWidthOf(maxLevel), _levelBytes);
        BinaryPrimitives.WriteInt32LittleEndian(body.GetSpan(4), _levelBytes.WrittenCount);
        body.Advance(4);
        Append(_levelBytes.WrittenSpan, body);
    }

    private static int Compact<T>(ReadOnlySpan<T> values, ReadOnlySpan<bool> validity, Span<T> destination)
    {
        int written = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (validity[i])
            {
                destination[written++] = values[i];
            }
        }

        return written;
    }

    private static Span<int> Levels(ref int[] scratch, int count)
    {
        if (scratch.Length < count)
        {
            scratch = new int[Math.Max(count, scratch.Length * 2)];
        }

        return scratch.AsSpan(0, count);
    }

    private static void Append(ReadOnlySpan<byte> bytes, ArrayBufferWriter<byte> body)
    {
        bytes.CopyTo(body.GetSpan(bytes.Length));
        body.Advance(bytes.Length);
    }
}
