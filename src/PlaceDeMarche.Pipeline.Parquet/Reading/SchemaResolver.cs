using PlaceDeMarche.Pipeline.Parquet.Columns;
using PlaceDeMarche.Pipeline.Parquet.Format;

namespace PlaceDeMarche.Pipeline.Parquet.Reading;

/// <summary>
/// Maps the top-level fields of a file schema to table columns: primitive leaves of the supported types, and
/// lists of FLOAT (3-level standard, 2-level legacy, or a bare repeated FLOAT) as float vectors.
/// </summary>
internal static class SchemaResolver
{
    public static IReadOnlyList<ColumnDescriptor> Resolve(SchemaNode root) => [.. root.Children.Select(ResolveField)];

    private static ColumnDescriptor ResolveField(SchemaNode field)
    {
        SchemaElement element = field.Element;
        FieldRepetition repetition = element.Repetition ?? FieldRepetition.Required;
        if (field.IsLeaf)
        {
            string? reason = ScalarKindOf(element, out ParquetValueKind kind);
            if (repetition == FieldRepetition.Repeated)
            {
                return element.Type == PhysicalType.Float && reason is null
                    ? new ColumnDescriptor(element.Name, ParquetValueKind.FloatVector, false, field.FirstLeafIndex, PhysicalType.Float, 1, 1, 0, 1)
                    : ColumnDescriptor.Unsupported(element.Name, $"repeated {Describe(element)} (only lists of FLOAT are supported)");
            }

            int level = repetition == FieldRepetition.Optional ? 1 : 0;
            return reason is null
                ? new ColumnDescriptor(element.Name, kind, level == 1, field.FirstLeafIndex, element.Type!.Value, level, 0, level, level)
                : ColumnDescriptor.Unsupported(element.Name, reason);
        }

        return ResolveList(field, repetition);
    }

    private static ColumnDescriptor ResolveList(SchemaNode field, FieldRepetition repetition)
    {
        SchemaElement element = field.Element;
        bool isList = element.ConvertedType == ConvertedType.List || element.LogicalType?.Kind == LogicalTypeKind.List;
        if (!isList || repetition == FieldRepetition.Repeated || field.Children.Count != 1 ||
            field.Children[0].Element.Repetition != FieldRepetition.Repeated)
        {
            return ColumnDescriptor.Unsupported(element.Name, "nested groups other than a LIST of FLOAT (structs, maps, nested lists) are not supported");
        }

        SchemaNode repeated = field.Children[0];
        int listDefined = repetition == FieldRepetition.Optional ? 1 : 0;
        int elementSlot = listDefined + 1;
        SchemaElement leaf;
        int maxDefinition;
        if (repeated.IsLeaf)
        {
            leaf = repeated.Element;
            maxDefinition = elementSlot;
        }
        else if (repeated.Children is [{ IsLeaf: true } child])
        {
            leaf = child.Element;
            maxDefinition = elementSlot + (leaf.Repetition == FieldRepetition.Optional ? 1 : 0);
            if (leaf.Repetition == FieldRepetition.Repeated)
            {
                return ColumnDescriptor.Unsupported(element.Name, "lists of lists are not supported");
            }
        }
        else
        {
            return ColumnDescriptor.Unsupported(element.Name, "lists of structs or nested lists are not supported");
        }

        if (leaf.Type != PhysicalType.Float || ScalarKindOf(leaf, out _) is not null)
        {
            return ColumnDescriptor.Unsupported(element.Name, $"list of {Describe(leaf)} (only lists of FLOAT are supported)");
        }

        return new ColumnDescriptor(
            element.Name, ParquetValueKind.FloatVector, listDefined == 1, field.FirstLeafIndex, PhysicalType.Float,
            maxDefinition, 1, listDefined, elementSlot);
    }

    /// <summary>Maps a primitive leaf to a value kind; returns why not when it cannot.</summary>
    private static string? ScalarKindOf(SchemaElement element, out ParquetValueKind kind)
    {
        LogicalType? logical = element.LogicalType;
        ConvertedType? converted = element.ConvertedType;
        bool unannotated = logical is null && converted is null;
        bool signedInteger32 = logical is { Kind: LogicalTypeKind.Integer, IntegerIsSigned: true, IntegerBitWidth: <= 32 } ||
            (logical is null && converted is ConvertedType.Int8 or ConvertedType.Int16 or ConvertedType.Int32);
        bool signedInteger64 = logical is { Kind: LogicalTypeKind.Integer, IntegerIsSigned: true, IntegerBitWidth: 64 } ||
            (logical is null && converted is ConvertedType.Int64);
        bool text = logical?.Kind is LogicalTypeKind.String or LogicalTypeKind.Enum or LogicalTypeKind.Json ||
            (logical is null && converted is ConvertedType.Utf8 or ConvertedType.Enum or ConvertedType.Json);
        (kind, bool supported) = element.Type switch
        {
            PhysicalType.Boolean => (ParquetValueKind.Boolean, unannotated),
            PhysicalType.Int32 => (ParquetValueKind.Int32, unannotated || signedInteger32),
            PhysicalType.Int64 => (ParquetValueKind.Int64, unannotated || signedInteger64),
            PhysicalType.Float => (ParquetValueKind.Float, unannotated),
            PhysicalType.Double => (ParquetValueKind.Double, unannotated),
            PhysicalType.ByteArray => (ParquetValueKind.String, text),
            _ => (default(ParquetValueKind), false),
        };
        return supported ? null : $"{Describe(element)} is not a supported type (BOOLEAN, INT32, INT64, FLOAT, DOUBLE, STRING, list of FLOAT)";
    }

    private static string Describe(SchemaElement element)
    {
        string type = element.Type is { } physical ? ParquetNames.Of(physical) : "group";
        string? annotation = element.LogicalType?.ToString() ?? (element.ConvertedType is { } converted ? ParquetNames.Of(converted) : null);
        return annotation is null ? type : $"{type} ({annotation})";
    }
}
