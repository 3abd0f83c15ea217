using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Format;

/// <summary>One node of the depth-first flattened schema tree.</summary>
internal sealed class SchemaElement
{
    public required string Name { get; init; }

    /// <summary>Physical type; null for group nodes.</summary>
    public PhysicalType? Type { get; init; }

    public FieldRepetition? Repetition { get; init; }

    /// <summary>Number of children; null (or zero) for leaves.</summary>
    public int? NumChildren { get; init; }

    public ConvertedType? ConvertedType { get; init; }

    public LogicalType? LogicalType { get; init; }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        if (Type is { } type)
        {
            writer.WriteI32Field(1, (int)type);
        }

        if (Repetition is { } repetition)
        {
            writer.WriteI32Field(3, (int)repetition);
        }

        writer.WriteStringField(4, Name);
        if (NumChildren is { } numChildren)
        {
            writer.WriteI32Field(5, numChildren);
        }

        if (ConvertedType is { } convertedType)
        {
            writer.WriteI32Field(6, (int)convertedType);
        }

        if (LogicalType is { } logicalType)
        {
            writer.WriteFieldHeader(10, ThriftType.Struct);
            logicalType.Write(writer);
        }

        writer.EndStruct();
    }

    public static SchemaElement Read(ThriftCompactReader reader)
    {
        string? name = null;
        PhysicalType? physicalType = null;
        FieldRepetition? repetition = null;
        int? numChildren = null;
        ConvertedType? convertedType = null;
        LogicalType? logicalType = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out short fieldId, out ThriftType type))
        {
            switch (fieldId)
            {
                case 1 when type == ThriftType.I32:
                    physicalType = (PhysicalType)reader.ReadI32();
                    break;
                case 3 when type == ThriftType.I32:
                    repetition = (FieldRepetition)reader.ReadI32();
                    break;
                case 4 when type == ThriftType.Binary:
                    name = reader.ReadString();
                    break;
                case 5 when type == ThriftType.I32:
                    numChildren = reader.ReadI32();
                    break;
                case 6 when type == ThriftType.I32:
                    convertedType = (ConvertedType)reader.ReadI32();
                    break;
                case 10 when type == ThriftType.Struct:
                    logicalType = Format.LogicalType.Read(reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        var element = new SchemaElement
        {
            Name = reader.RequiredObject(name, "SchemaElement.name"),
            Type = physicalType,
            Repetition = repetition,
            NumChildren = numChildren,
            ConvertedType = convertedType,
            LogicalType = logicalType,
        };
        reader.EndStruct();
        return element;
    }
}
