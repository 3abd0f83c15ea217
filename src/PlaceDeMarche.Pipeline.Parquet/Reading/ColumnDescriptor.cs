using PlaceDeMarche.Pipeline.Parquet.Columns;
using PlaceDeMarche.Pipeline.Parquet.Format;

namespace PlaceDeMarche.Pipeline.Parquet.Reading;

/// <summary>
/// How to read one top-level field of a file into a table column: its kind, its leaf column chunk and the
/// definition levels that mark nulls. <see cref="UnsupportedReason"/> is set for fields this library cannot map.
/// </summary>
internal sealed record ColumnDescriptor(
    string Name,
    ParquetValueKind Kind,
    bool IsNullable,
    int LeafIndex,
    PhysicalType LeafType,
    int MaxDefinitionLevel,
    int MaxRepetitionLevel,
    int ListDefinedLevel,
    int ElementSlotLevel,
    string? UnsupportedReason = null)
{
    /// <summary>A field that cannot be read, with the reason shown when it is asked for.</summary>
    public static ColumnDescriptor Unsupported(string name, string reason) =>
        new(name, default, false, -1, default, 0, 0, 0, 0, reason);

    /// <summary>Throws <see cref="NotSupportedException"/> if this field cannot be read.</summary>
    public ColumnDescriptor EnsureSupported() =>
        UnsupportedReason is null
            ? this
            : throw new NotSupportedException($"Column '{Name}' cannot be read: {UnsupportedReason}.");
}
