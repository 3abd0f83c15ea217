using System.Buffers;
using PlaceDeMarche.Pipeline.Parquet.Columns;
using PlaceDeMarche.Pipeline.Parquet.Format;

namespace PlaceDeMarche.Pipeline.Parquet.Reading;

/// <summary>
/// Builds a <see cref="FloatVectorColumn"/> from a list leaf: a repetition level of 0 starts a row; the
/// definition level says whether that row is null, empty, or holds an element.
/// </summary>
internal sealed class FloatVectorColumnBuilder : ColumnBuilder
{
    private readonly float[]?[] _values;
    private readonly PrimitiveValueDecoder<float> _decoder;

    public FloatVectorColumnBuilder(ColumnDescriptor descriptor, int rowCount)
        : base(descriptor, rowCount)
    {
        _values = new float[]?[rowCount];
        _decoder = new PrimitiveValueDecoder<float>(UnsupportedEncoding);
    }

    public override void LoadDictionary(ReadOnlySpan<byte> plainValues, int count) => _decoder.LoadDictionary(plainValues, count);

    public override void AddPage(ReadOnlySpan<int> repetitionLevels, ReadOnlySpan<int> definitionLevels, int levelCount, ParquetEncoding encoding, ReadOnlySpan<byte> values)
    {
        int maxLevel = Descriptor.MaxDefinitionLevel;
        int present = definitionLevels.Count(maxLevel);
        float[] elements = ArrayPool<float>.Shared.Rent(present);
        try
        {
            _decoder.Decode(encoding, values, elements.AsSpan(0, present));
            AssembleRows(repetitionLevels, definitionLevels, elements.AsSpan(0, present));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(elements);
        }
    }

    public override ParquetColumn Build() => new FloatVectorColumn(Descriptor.Name, _values, Descriptor.IsNullable);

    private void AssembleRows(ReadOnlySpan<int> repetitionLevels, ReadOnlySpan<int> definitionLevels, ReadOnlySpan<float> elements)
    {
        int entry = 0;
        int element = 0;
        while (entry < definitionLevels.Length)
        {
            int rowEnd = entry + 1;
            while (rowEnd < definitionLevels.Length && repetitionLevels[rowEnd] != 0)
            {
                rowEnd++;
            }

            // A page may start in the middle of a row (allowed for version-1 pages): append to the previous row.
            bool continuesPreviousRow = repetitionLevels[entry] != 0;
            if (!continuesPreviousRow)
            {
                EnsureRoom(1);
                int level = definitionLevels[entry];
                if (level < Descriptor.ElementSlotLevel)
                {
                    if (rowEnd - entry != 1)
                    {
                        throw new ParquetFormatException($"row {RowsRead} is null or empty yet has repeated entries.");
                    }

                    _values[RowsRead++] = level < Descriptor.ListDefinedLevel ? null : [];
                    entry = rowEnd;
                    continue;
                }
            }
            else if (RowsRead == 0 || _values[RowsRead - 1] is null)
            {
                throw new ParquetFormatException("a page continues a row that was never started.");
            }

            int count = rowEnd - entry;
            for (int i = entry; i < rowEnd; i++)
            {
                if (definitionLevels[i] != Descriptor.MaxDefinitionLevel)
                {
                    throw definitionLevels[i] >= Descriptor.ElementSlotLevel
                        ? new NotSupportedException(
                            $"Column '{Descriptor.Name}' has a null element inside the vector of row {RowsRead - (continuesPreviousRow ? 1 : 0)}; float vectors cannot hold nulls.")
                        : new ParquetFormatException($"a null or empty list marker appears inside row {RowsRead}.");
                }
            }

            ReadOnlySpan<float> rowElements = elements.Slice(element, count);
            element += count;
            if (continuesPreviousRow)
            {
                _values[RowsRead - 1] = [.. _values[RowsRead - 1]!, .. rowElements];
            }
            else
            {
                _values[RowsRead++] = rowElements.ToArray();
            }

            entry = rowEnd;
        }
    }
}
