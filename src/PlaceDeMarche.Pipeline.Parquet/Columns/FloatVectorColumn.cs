namespace PlaceDeMarche.Pipeline.Parquet.Columns;

/// <summary>
/// A column of float vectors, stored as a standard 3-level Parquet LIST of required FLOAT elements
/// (DuckDB FLOAT[]). Vectors may differ in length; an empty vector is distinct from a null one.
/// </summary>
public sealed class FloatVectorColumn : ParquetColumn
{
    /// <summary>
    /// Creates a vector column over <paramref name="values"/> (neither the outer nor the inner arrays are copied).
    /// A required column (<paramref name="isNullable"/> false) rejects null vectors.
    /// </summary>
    public FloatVectorColumn(string name, float[]?[] values, bool isNullable = false)
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
    public override ParquetValueKind Kind => ParquetValueKind.FloatVector;

    /// <inheritdoc />
    public override int RowCount => Values.Length;

    /// <summary>The vectors (the column's own storage).</summary>
    public float[]?[] Values { get; }

    /// <inheritdoc />
    public override bool IsNull(int row) => Values[row] is null;
}
