using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Format;

/// <summary>Header of a version-1 data page: levels and values are compressed together.</summary>
internal sealed record DataPageHeader(
    int NumValues,
    ParquetEncoding Encoding,
    ParquetEncoding DefinitionLevelEncoding,
    ParquetEncoding RepetitionLevelEncoding)
{
    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.WriteI32Field(1, NumValues);
        writer.WriteI32Field(2, (int)Encoding);
        writer.WriteI32Field(3, (int)DefinitionLevelEncoding);
        writer.WriteI32Field(4, (int)RepetitionLevelEncoding);
        writer.EndStruct();
    }

    public static DataPageHeader Read(ThriftCompactReader reader)
    {
        int? numValues = null, encoding = null, definitionEncoding = null, repetitionEncoding = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out short fieldId, out ThriftType type))
        {
            switch (fieldId)
            {
                case 1 when type == ThriftType.I32:
                    numValues = reader.ReadI32();
                    break;
                case 2 when type == ThriftType.I32:
                    encoding = reader.ReadI32();
                    break;
                case 3 when type == ThriftType.I32:
                    definitionEncoding = reader.ReadI32();
                    break;
                case 4 when type == ThriftType.I32:
                    repetitionEncoding = reader.ReadI32();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        var header = new DataPageHeader(
            reader.RequiredValue(numValues, "DataPageHeader.num_values"),
            (ParquetEncoding)reader.RequiredValue(encoding, "DataPageHeader.encoding"),
            (ParquetEncoding)reader.RequiredValue(definitionEncoding, "DataPageHeader.definition_level_encoding"),
            (ParquetEncoding)reader.RequiredValue(repetitionEncoding, "DataPageHeader.repetition_level_encoding"));
        reader.EndStruct();
        return header;
    }
}
