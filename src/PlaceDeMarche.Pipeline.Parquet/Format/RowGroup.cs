using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Format;

/// <summary>A horizontal slice of the table: one column chunk per leaf column.</summary>
internal sealed class RowGroup
{
    public required IReadOnlyList<ColumnChunk> Columns { get; init; }

    public required long TotalByteSize { get; init; }

    public required long NumRows { get; init; }

    public long? FileOffset { get; init; }

    public long? TotalCompressedSize { get; init; }

    public short? Ordinal { get; init; }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.WriteFieldHeader(1, ThriftType.List);
        writer.WriteListHeader(ThriftType.Struct, Columns.Count);
        foreach (ColumnChunk column in Columns)
        {
            column.Write(writer);
        }

        writer.WriteI64Field(2, TotalByteSize);
        writer.WriteI64Field(3, NumRows);
        if (FileOffset is { } fileOffset)
        {
            writer.WriteI64Field(5, fileOffset);
        }

        if (TotalCompressedSize is { } totalCompressedSize)
        {
            writer.WriteI64Field(6, totalCompressedSize);
        }

        if (Ordinal is { } ordinal)
        {
            writer.WriteFieldHeader(7, ThriftType.I16);
            writer.WriteI16(ordinal);
        }

        writer.EndStruct();
    }

    public static RowGroup Read(ThriftCompactReader reader)
    {
        List<ColumnChunk>? columns = null;
        long? totalByteSize = null, numRows = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out short fieldId, out ThriftType type))
        {
            switch (fieldId)
            {
                case 1 when type == ThriftType.List:
                    columns = reader.ReadList(ThriftType.Struct, ColumnChunk.Read);
                    break;
                case 2 when type == ThriftType.I64:
                    totalByteSize = reader.ReadI64();
                    break;
                case 3 when type == ThriftType.I64:
                    numRows = reader.ReadI64();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        var rowGroup = new RowGroup
        {
            Columns = reader.RequiredObject(columns, "RowGroup.columns"),
            TotalByteSize = totalByteSize ?? 0,
            NumRows = reader.RequiredValue(numRows, "RowGroup.num_rows"),
        };
        reader.EndStruct();
        return rowGroup;
    }
}
