namespace PlaceDeMarche.Pipeline.Core.Schema.Columns;

/// <summary>
/// A named, typed column of a <see cref="ParquetTable"/>. Concrete kinds are <see cref="PrimitiveColumn{T}"/>,
/// <see cref="StringColumn"/> and <see cref="FloatVectorColumn"/>. Columns wrap the arrays they are given without
/// copying them, so callers must not change those arrays afterwards.
/// </summary>
public abstract class ParquetColumn
{
    private protected ParquetColumn(string name, bool isNullable)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A Parquet column needs a non-empty name.", nameof(name));
        }

        Name = name;
        IsNullable = isNullable;
    }

    /// <summary>Column name (unique within a table, compared ordinally).</summary>
    public string Name { get; }

    /// <summary>True for an OPTIONAL column whose rows may be null; false for a REQUIRED column.</summary>
    public bool IsNullable { get; }

    /// <summary>The type of the values.</summary>
    public abstract ParquetValueKind Kind { get; }

    /// <summary>Number of rows.</summary>
    public abstract int RowCount { get; }

    /// <summary>Whether the value at <paramref name="row"/> is null (always false for a required column).</summary>
    public abstract bool IsNull(int row);

    /// <summary>Number of null rows.</summary>
    public int CountNulls()
    {
        if (!IsNullable)
        {
            return 0;
        }

        int nulls = 0;
        for (int row = 0; row < RowCount; row++)
        {
            if (IsNull(row))
            {
                nulls++;
            }
        }

        return nulls;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Kind}{(IsNullable ? "?" : string.Empty)} x {RowCount}";
}
