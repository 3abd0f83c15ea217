using PlaceDeMarche.Pipeline.Parquet.Columns;
using PlaceDeMarche.Pipeline.Parquet.Format;

namespace PlaceDeMarche.Pipeline.Parquet.Writing;

/// <summary>How one table column is laid out in the Parquet schema: its schema elements and its single leaf.</summary>
internal sealed record ColumnLayout(
    IReadOnlyList<SchemaElement> SchemaElements,
    PhysicalType LeafType,
    IReadOnlyList<string> LeafPath,
    int MaxDefinitionLevel,
    int MaxRepetitionLevel)
{
    // Names of the standard 3-level LIST structure: <column> (LIST) { repeated group list { element } }.
    private const string ListGroupName = "list";
    private const string ListElementName = "element";

    public static ColumnLayout For(ParquetColumn column)
    {
        FieldRepetition repetition = column.IsNullable ? FieldRepetition.Optional : FieldRepetition.Required;
        int nullableLevel = column.IsNullable ? 1 : 0;
        if (column.Kind == ParquetValueKind.FloatVector)
        {
            SchemaElement[] elements =
            [
                new()
                {
                    Name = column.Name,
                    Repetition = repetition,
                    NumChildren = 1,
                    ConvertedType = ConvertedType.List,
                    LogicalType = LogicalType.List,
                },
                new() { Name = ListGroupName, Repetition = FieldRepetition.Repeated, NumChildren = 1 },
                new() { Name = ListElementName, Type = PhysicalType.Float, Repetition = FieldRepetition.Required },
            ];

            // The repeated group adds one definition and one repetition level; the required element adds none.
            return new ColumnLayout(elements, PhysicalType.Float, [column.Name, ListGroupName, ListElementName], nullableLevel + 1, 1);
        }

        bool isString = column.Kind == ParquetValueKind.String;
        var leaf = new SchemaElement
        {
            Name = column.Name,
            Type = PhysicalTypeOf(column.Kind),
            Repetition = repetition,
            ConvertedType = isString ? ConvertedType.Utf8 : null,
            LogicalType = isString ? LogicalType.String : null,
        };
        return new ColumnLayout([leaf], leaf.Type!.Value, [column.Name], nullableLevel, 0);
    }

    private static PhysicalType PhysicalTypeOf(ParquetValueKind kind) => kind switch
    {
        ParquetValueKind.Boolean => PhysicalType.Boolean,
        ParquetValueKind.Int32 => PhysicalType.Int32,
        ParquetValueKind.Int64 => PhysicalType.Int64,
        ParquetValueKind.Float => PhysicalType.Float,
        ParquetValueKind.Double => PhysicalType.Double,
        ParquetValueKind.String => PhysicalType.ByteArray,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a scalar kind."),
    };
}
