using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Format;

/// <summary>The file footer: schema, row groups and key-value metadata.</summary>
internal sealed class FileMetaData
{
    public required int Version { get; init; }

    public required IReadOnlyList<SchemaElement> Schema { get; init; }

    public required long NumRows { get; init; }

    public required IReadOnlyList<RowGroup> RowGroups { get; init; }

    public IReadOnlyList<KeyValue> KeyValueMetadata { get; init; } = [];

    public string? CreatedBy { get; init; }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.WriteI32Field(1, Version);
        writer.WriteFieldHeader(2, ThriftType.List);
        writer.WriteListHeader(ThriftType.Struct, Schema.Count);
        foreach (SchemaElement element in Schema)
        {
            element.Write(writer);
        }

        writer.WriteI64Field(3, NumRows);
        writer.WriteFieldHeader(4, ThriftType.List);
        writer.WriteListHeader(ThriftType.Struct, RowGroups.Count);
        foreach (RowGroup rowGroup in RowGroups)
        {
            rowGroup.Write(writer);
        }

        if (KeyValueMetadata.Count > 0)
        {
            writer.WriteFieldHeader(5, ThriftType.List);
            writer.WriteListHeader(ThriftType.Struct, KeyValueMetadata.Count);
            foreach (KeyValue keyValue in KeyValueMetadata)
            {
                keyValue.Write(writer);
            }
        }

        if (CreatedBy is not null)
        {
            writer.WriteStringField(6, CreatedBy);
        }

        writer.EndStruct();
    }

    public static FileMetaData Read(ThriftCompactReader reader)
    {
        int? version = null;
        List<SchemaElement>? schema = null;
        long? numRows = null;
        List<RowGroup>? rowGroups = null;
        List<KeyValue>? keyValues = null;
        string? createdBy = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out short fieldId, out ThriftType type))
        {
            switch (fieldId)
            {
                case 1 when type == ThriftType.I32:
                    version = reader.ReadI32();
                    break;
                case 2 when type == ThriftType.List:
                    schema = reader.ReadList(ThriftType.Struct, SchemaElement.Read);
                    break;
                case 3 when type == ThriftType.I64:
                    numRows = reader.ReadI64();
                    break;
                case 4 when type == ThriftType.List:
                    rowGroups = reader.ReadList(ThriftType.Struct, RowGroup.Read);
                    break;
                case 5 when type == ThriftType.List:
                    keyValues = reader.ReadList(ThriftType.Struct, KeyValue.Read);
                    break;
                case 6 when type == ThriftType.Binary:
                    createdBy = reader.ReadString();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        var metaData = new FileMetaData
        {
            Version = version ?? 1,
            Schema = reader.RequiredObject(schema, "FileMetaData.schema"),
            NumRows = reader.RequiredValue(numRows, "FileMetaData.num_rows"),
            RowGroups = reader.RequiredObject(rowGroups, "FileMetaData.row_groups"),
            KeyValueMetadata = keyValues ?? [],
            CreatedBy = createdBy,
        };
        reader.EndStruct();
        return metaData;
    }
}
