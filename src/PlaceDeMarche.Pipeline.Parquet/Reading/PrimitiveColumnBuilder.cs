using PlaceDeMarche.Pipeline.Parquet.Columns;
using PlaceDeMarche.Pipeline.Parquet.Format;

namespace PlaceDeMarche.Pipeline.Parquet.Reading;

/// <summary>Builds a <see cref="PrimitiveColumn{T}"/>, decoding straight into the column's value array.</summary>
internal sealed class PrimitiveColumnBuilder<T> : ColumnBuilder
    where T : unmanaged
{
    private readonly T[] _values;
    private readonly bool[]? _validity;
    private readonly PrimitiveValueDecoder<T> _decoder;

    public PrimitiveColumnBuilder(ColumnDescriptor descriptor, int rowCount)
        : base(descriptor, rowCount)
    {
        _values = new T[rowCount];
        _validity = descriptor.IsNullable ? new bool[rowCount] : null;
        _decoder = new PrimitiveValueDecoder<T>(UnsupportedEncoding);
    }

    public override void LoadDictionary(ReadOnlySpan<byte> plainValues, int count) => _decoder.LoadDictionary(plainValues, count);

    public override void AddPage(ReadOnlySpan<int> repetitionLevels, ReadOnlySpan<int> definitionLevels, int levelCount, ParquetEncoding encoding, ReadOnlySpan<byte> values)
    {
        EnsureRoom(levelCount);
        Span<T> destination = _values.AsSpan(RowsRead, levelCount);
        int maxLevel = Descriptor.MaxDefinitionLevel;
        int present = maxLevel == 0 ? levelCount : definitionLevels.Count(maxLevel);
        _decoder.Decode(encoding, values, destination[..present]);
        if (_validity is not null)
        {
            ScatterByDefinitionLevel(definitionLevels, maxLevel, present, destination, _validity.AsSpan(RowsRead, levelCount));
        }

        RowsRead += levelCount;
    }

    public override ParquetColumn Build() => new PrimitiveColumn<T>(Descriptor.Name, _values, _validity);
}
