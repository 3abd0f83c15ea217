using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Format;

/// <summary>Where a column chunk's pages are and how they are stored.</summary>
internal sealed class ColumnMetaData
{
    public required PhysicalType Type { get; init; }

    public required IReadOnlyList<ParquetEncoding> Encodings { get; init; }

    public required IReadOnlyList<string> PathInSchema { get; init; }

    public required CompressionCodec Codec { get; init; }

    /// <summary>Number of level entries (values including nulls and empty lists).</summary>
    public required long NumValues { get; init; }

    public required long TotalUncompressedSize { get; init; }

    /// <summary>Bytes of all pages of the chunk, page headers included.</summary>
    public required long TotalCompressedSize { get; init; }

    public required long DataPageOffset { get; init; }

    public long? DictionaryPageOffset { get; init; }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.WriteI32Field(1, (int)Type);
        writer.WriteFieldHeader(2, ThriftType.List);
        writer.WriteListHeader(ThriftType.I32, Encodings.Count);
        foreach (ParquetEncoding encoding in Encodings)
        {
            writer.WriteI32((int)encoding);
        }

        writer.WriteFieldHeader(3, ThriftType.List);
        writer.WriteListHeader(ThriftType.Binary, PathInSchema.Count);
        foreach (string part in PathInSchema)
        {
            writer.WriteString(part);
        }

        writer.WriteI32Field(4, (int)Codec);
        writer.WriteI64Field(5, NumValues);
        writer.WriteI64Field(6, TotalUncompressedSize);
        writer.WriteI64Field(7, TotalCompressedSize);
        writer.WriteI64Field(9, DataPageOffset);
        if (DictionaryPageOffset is { } dictionaryPageOffset)
        {
            writer.WriteI64Field(11, dictionaryPageOffset);
        }

        writer.EndStruct();
    }

    public static ColumnMetaData Read(ThriftCompactReader reader)
    {
        PhysicalType? physicalType = null;
        List<ParquetEncoding>? encodings = null;
        List<string>? path = null;
        CompressionCodec? codec = null;
        long? numValues = null, uncompressed = null, compressed = null, dataPageOffset = null, dictionaryPageOffset = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out short fieldId, out ThriftType type))
        {
            switch (fieldId)
            {
                case 1 when type == ThriftType.I32:
                    physicalType = (PhysicalType)reader.ReadI32();
                    break;
                case 2 when type == ThriftType.List:
                    encodings = reader.ReadList(ThriftType.I32, r => (ParquetEncoding)r.ReadI32());
                    break;
                case 3 when type == ThriftType.List:
                    path = reader.ReadList(ThriftType.Binary, r => r.ReadString());
                    break;
                case 4 when type == ThriftType.I32:
                    codec = (CompressionCodec)reader.ReadI32();
                    break;
                case 5 when type == ThriftType.I64:
                    numValues = reader.ReadI64();
                    break;
                case 6 when type == ThriftType.I64:
                    uncompressed = reader.ReadI64();
                    break;
                case 7 when type == ThriftType.I64:
                    compressed = reader.ReadI64();
                    break;
                case 9 when type == ThriftType.I64:
                    dataPageOffset = reader.ReadI64();
                    break;
                case 11 when type == ThriftType.I64:
                    dictionaryPageOffset = reader.ReadI64();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        var metaData = new ColumnMetaData
        {
            Type = reader.RequiredValue(physicalType, "ColumnMetaData.type"),
            Encodings = reader.RequiredObject(encodings, "ColumnMetaData.encodings"),
            PathInSchema = reader.RequiredObject(path, "ColumnMetaData.path_in_schema"),
            Codec = reader.RequiredValue(codec, "ColumnMetaData.codec"),
            NumValues = reader.RequiredValue(numValues, "ColumnMetaData.num_values"),
            TotalUncompressedSize = reader.RequiredValue(uncompressed, "ColumnMetaData.total_uncompressed_size"),
            TotalCompressedSize = reader.RequiredValue(compressed, "ColumnMetaData.total_compressed_size"),
            DataPageOffset = reader.RequiredValue(dataPageOffset, "ColumnMetaData.data_page_offset"),
            DictionaryPageOffset = dictionaryPageOffset,
        };
        reader.EndStruct();
        return metaData;
    }
}
