using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Format;

/// <summary>Header of a dictionary page (read only: this library writes PLAIN pages).</summary>
internal sealed record DictionaryPageHeader(int NumValues, ParquetEncoding Encoding)
{
    public static DictionaryPageHeader Read(ThriftCompactReader reader)
    {
        int? numValues = null, encoding = null;
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
                default:
                    reader.Skip(type);
                    break;
            }
        }

        var header = new DictionaryPageHeader(
            reader.RequiredValue(numValues, "DictionaryPageHeader.num_values"),
            (ParquetEncoding)reader.RequiredValue(encoding, "DictionaryPageHeader.encoding"));
        reader.EndStruct();
        return header;
    }
}
