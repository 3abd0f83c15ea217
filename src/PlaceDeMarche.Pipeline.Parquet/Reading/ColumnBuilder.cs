using PlaceDeMarche.Pipeline.Parquet.Columns;
using PlaceDeMarche.Pipeline.Parquet.Format;

namespace PlaceDeMarche.Pipeline.Parquet.Reading;

/// <summary>Accumulates the decoded pages of one column, over all row groups, into a table column.</summary>
internal abstract class ColumnBuilder(ColumnDescriptor descriptor, int rowCount)
{
    public ColumnDescriptor Descriptor { get; } = descriptor;

    /// <summary>Rows expected in total (the file's row count).</summary>
    protected int RowCount { get; } = rowCount;

    /// <summary>Rows filled so far.</summary>
    public int RowsRead { get; protected set; }

    public static ColumnBuilder Create(ColumnDescriptor descriptor, int rowCount) => descriptor.Kind switch
    {
        ParquetValueKind.Boolean => new PrimitiveColumnBuilder<bool>(descriptor, rowCount),
        ParquetValueKind.Int32 => new PrimitiveColumnBuilder<int>(descriptor, rowCount),
        ParquetValueKind.Int64 => new PrimitiveColumnBuilder<long>(descriptor, rowCount),
        ParquetValueKind.Float => new PrimitiveColumnBuilder<float>(descriptor, rowCount),
        ParquetValueKind.Double => new PrimitiveColumnBuilder<double>(descriptor, rowCount),
        ParquetValueKind.String => new StringColumnBuilder(descriptor, rowCount),
        ParquetValueKind.FloatVector => new FloatVectorColumnBuilder(descriptor, rowCount),
        _ => throw new ArgumentOutOfRangeException(nameof(descriptor), descriptor.Kind, "Unknown column kind."),
    };

    /// <summary>Loads a dictionary page (PLAIN-encoded values) for the data pages that follow in the chunk.</summary>
    public abstract void LoadDictionary(ReadOnlySpan<byte> plainValues, int count);

    /// <summary>
    /// Adds a data page: <paramref name="levelCount"/> level entries (repetition/definition levels are empty when
    /// their maximum is 0) and the encoded non-null values.
    /// </summary>
    public abstract void AddPage(ReadOnlySpan<int> repetitionLevels, ReadOnlySpan<int> definitionLevels, int levelCount, ParquetEncoding encoding, ReadOnlySpan<byte> values);

    /// <summary>Called after each column chunk: the chunk must have filled exactly its row group's rows.</summary>
    public void EndChunk(int rowGroupFirstRow, int rowGroupRows)
    {
        if (RowsRead != rowGroupFirstRow + rowGroupRows)
        {
            throw new ParquetFormatException(
                $"the column chunk holds {RowsRead - rowGroupFirstRow} rows but its row group has {rowGroupRows}.");
        }
    }

    /// <summary>The finished column.</summary>
    public abstract ParquetColumn Build();

    /// <summary>
    /// Moves the <c>present</c> decoded values at the front of <paramref name="values"/> to the rows whose
    /// definition level is <paramref name="maxDefinitionLevel"/>, clearing the others and filling
    /// <paramref name="validity"/> when it is not empty. Works backwards so it can run in place.
    /// </summary>
    protected static void ScatterByDefinitionLevel<T>(ReadOnlySpan<int> definitionLevels, int maxDefinitionLevel, int present, Span<T> values, Span<bool> validity)
    {
        int source = present - 1;
        for (int row = definitionLevels.Length - 1; row >= 0; row--)
        {
            bool isPresent = definitionLevels[row] == maxDefinitionLevel;
            values[row] = isPresent ? values[source--] : default!;
            if (!validity.IsEmpty)
            {
                validity[row] = isPresent;
            }
        }
    }

    /// <summary>Error for an encoding this reader does not decode for this column.</summary>
    protected NotSupportedException UnsupportedEncoding(ParquetEncoding encoding) => new(
        $"Column '{Descriptor.Name}' has pages in {ParquetNames.Of(encoding)} encoding, which this reader does not support " +
        "(supported: PLAIN, PLAIN_DICTIONARY, RLE_DICTIONARY, RLE booleans, DELTA_BINARY_PACKED integers, BYTE_STREAM_SPLIT, DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY strings).");

    /// <summary>Guards against pages claiming more rows than the file has.</summary>
    protected void EnsureRoom(int rows)
    {
        if (rows > RowCount - RowsRead)
        {
            throw new ParquetFormatException($"pages hold more rows than the file's row count {RowCount}.");
        }
    }
}
