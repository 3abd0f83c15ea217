namespace PlaceDeMarche.Pipeline.Core.Schema.Columns;

/// <summary>
/// A column of float vectors, stored as a standard 3-level Parquet LIST of required FLOAT elements
/// (DuckDB FLOAT[]). Vectors may differ in length; an empty vector is distinct from a null one. Parquet.Net marks
/// every list OPTIONAL, so a vector column read from a file is nullable; a required one is enforced here, on write.
/// </summary>
public sealed class FloatVectorColumn : ReferenceColumn<float[]>
{
    /// <summary>
    /// Creates a vector column over <paramref name="values"/> (neither the outer nor the inner arrays are copied).
    /// A required column (<paramref name="isNullable"/> false) rejects null vectors.
    /// </summary>
    public FloatVectorColumn(string name, float[]?[] values, bool isNullable = false)
        : base(name, values, isNullable)
    {
    }

    /// <inheritdoc />
    public override ParquetValueKind Kind => ParquetValueKind.FloatVector;
}
