using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Format;

/// <summary>Header of a version-2 data page: levels come first, uncompressed, with their byte lengths given here.</summary>
internal sealed record DataPageHeaderV2(
    int NumValues,
    int NumNulls,
    int NumRows,
    ParquetEncoding Encoding,
    int DefinitionLevelsByteLength,
    int RepetitionLevelsByteLength,
    bool IsCompressed)
{
    public static DataPageHeaderV2 Read(ThriftCompactReader reader)
    {
        int? numValues = null, numNulls = null, numRows = null, encoding = null, definitionLength = null, repetitionLength = null;
        bool isCompressed = true;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out short fieldId, out ThriftType type))
        {
            switch (fieldId)
            {
                case 1 when type == ThriftType.I32:
                    numValues = reader.ReadI32();
                    break;
                case 2 when type == ThriftType.I32:
                    numNulls = reader.ReadI32();
                    break;
                case 3 when type == ThriftType.I32:
                    numRows = reader.ReadI32();
                    break;
                case 4 when type == ThriftType.I32:
                    encoding = reader.ReadI32();
                    break;
                case 5 when type == ThriftType.I32:
                    definitionLength = reader.ReadI32();
                    break;
                case 6 when type == ThriftType.I32:
                    repetitionLength = reader.ReadI32();
                    break;
                case 7 when ThriftCompactReader.IsBoolean(type):
                    isCompressed = ThriftCompactReader.BooleanFieldValue(type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        var header = new DataPageHeaderV2(
            reader.RequiredValue(numValues, "DataPageHeaderV2.num_values"),
            reader.RequiredValue(numNulls, "DataPageHeaderV2.num_nulls"),
            reader.RequiredValue(numRows, "DataPageHeaderV2.num_rows"),
            (ParquetEncoding)reader.RequiredValue(encoding, "DataPageHeaderV2.encoding"),
            reader.RequiredValue(definitionLength, "DataPageHeaderV2.definition_levels_byte_length"),
            reader.RequiredValue(repetitionLength, "DataPageHeaderV2.repetition_levels_byte_length"),
            isCompressed);
        reader.EndStruct();
        return header;
    }
}
