using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Format;

/// <summary>The LogicalType union of a schema element. Only the integer member's parameters are kept.</summary>
internal sealed record LogicalType(int FieldId, int IntegerBitWidth = 0, bool IntegerIsSigned = false)
{
    public static LogicalType String { get; } = new((int)LogicalTypeKind.String);

    public static LogicalType List { get; } = new((int)LogicalTypeKind.List);

    /// <summary>The member, or null for a union member this library does not know.</summary>
    public LogicalTypeKind? Kind => Enum.IsDefined((LogicalTypeKind)FieldId) ? (LogicalTypeKind)FieldId : null;

    /// <summary>Writes the union; STRING and LIST are empty structs.</summary>
    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.BeginStructField((short)FieldId);
        writer.EndStruct();
        writer.EndStruct();
    }

    public static LogicalType Read(ThriftCompactReader reader)
    {
        LogicalType? result = null;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out short fieldId, out ThriftType type))
        {
            if (fieldId == (short)LogicalTypeKind.Integer && type == ThriftType.Struct)
            {
                result = ReadInteger(reader);
            }
            else
            {
                reader.Skip(type);
                result = new LogicalType(fieldId);
            }
        }

        reader.EndStruct();
        return result ?? new LogicalType((int)LogicalTypeKind.Unknown);
    }

    private static LogicalType ReadInteger(ThriftCompactReader reader)
    {
        int bitWidth = 0;
        bool isSigned = false;
        reader.BeginStruct();
        while (reader.TryReadFieldHeader(out short fieldId, out ThriftType type))
        {
            switch (fieldId)
            {
                case 1 when type == ThriftType.Byte:
                    bitWidth = reader.ReadByte();
                    break;
                case 2 when ThriftCompactReader.IsBoolean(type):
                    isSigned = ThriftCompactReader.BooleanFieldValue(type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        return new LogicalType((int)LogicalTypeKind.Integer, bitWidth, isSigned);
    }

    public override string ToString() => Kind switch
    {
        LogicalTypeKind.Integer => $"INTEGER({IntegerBitWidth}, {(IntegerIsSigned ? "signed" : "unsigned")})",
        { } kind => ParquetNames.Of(kind),
        null => $"logical type #{FieldId}",
    };
}
