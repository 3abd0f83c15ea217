namespace PlaceDeMarche.Pipeline.Parquet.Columns;

/// <summary>A column of UTF-8 strings (Parquet BYTE_ARRAY annotated STRING, DuckDB VARCHAR).</summary>
public sealed class StringColumn : ParquetColumn
{
    /// <summary>
    /// Creates a string column over <paramref name="values"/> (not copied). A required column
    /// (<paramref name="isNullable"/> false) rejects null entries.
    /// </summary>
    public StringColumn(string name, string?[] values, bool isNullable = false)
        : base(name, isNullable)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!isNullable)
        {
            int firstNull = Array.IndexOf(values, null);
            if (firstNull >= 0)
            {
                throw new ArgumentException(
                    $"Column '{name}' is required but row {firstNull} is null; pass isNullable: true to allow nulls.",
                    nameof(values));
            }
        }

        Values = values;
    }

    /// <inheritdoc />
    public override ParquetValueKind Kind => ParquetValueKind.String;

    /// <inheritdoc />
    public override int RowCount => Values.Length;

    /// <summary>The values (the column's own storage).</summary>
    public string?[] Values { get; }

    /// <inheritdoc />
    public override bool IsNull(int row) => Values[row] is null;
}
