using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Format;

/// <summary>One key-value metadata entry of the file footer.</summary>
internal sealed record KeyValue(string Key, string? Value)
{
    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.WriteStringField(1, Key);
        if (Value is not null)
        {
            writer.WriteStringField(2, Value);
        }

        writer.EndStruct();
    }

    public static KeyValue Read(ThriftCompactReader reader)
    {
        string? key = null;
        string? value = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out short fieldId, out ThriftType type))
        {
            switch (fieldId)
            {
                case 1 when type == ThriftType.Binary:
                    key = reader.ReadString();
                    break;
                case 2 when type == ThriftType.Binary:
                    value = reader.ReadString();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        var result = new KeyValue(reader.RequiredObject(key, "KeyValue.key"), value);
        reader.EndStruct();
        return result;
    }
}
