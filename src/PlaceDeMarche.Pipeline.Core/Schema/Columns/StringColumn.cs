namespace PlaceDeMarche.Pipeline.Core.Schema.Columns;

/// <summary>A column of UTF-8 strings (Parquet BYTE_ARRAY annotated STRING, DuckDB VARCHAR).</summary>
public sealed class StringColumn : ReferenceColumn<string>
{
    /// <summary>
    /// Creates a string column over <paramref name="values"/> (not copied). A required column
    /// (<paramref name="isNullable"/> false) rejects null entries.
    /// </summary>
    public StringColumn(string name, string?[] values, bool isNullable = false)
        : base(name, values, isNullable)
    {
    }

    /// <inheritdoc />
    public override ParquetValueKind Kind => ParquetValueKind.String;
}
