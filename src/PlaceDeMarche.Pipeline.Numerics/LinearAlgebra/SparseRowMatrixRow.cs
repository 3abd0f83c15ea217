namespace PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

/// <summary>The stored entries of one row of a <see cref="SparseRowMatrix"/>: ascending column indices and their
/// values, as views into the matrix arrays.</summary>
public readonly ref struct SparseRowMatrixRow
{
    internal SparseRowMatrixRow(ReadOnlySpan<int> columnIndices, ReadOnlySpan<float> values)
    {
        ColumnIndices = columnIndices;
        Values = values;
    }

    /// <summary>Column of each stored entry, strictly ascending.</summary>
    public ReadOnlySpan<int> ColumnIndices { get; }

    /// <summary>Value of each stored entry.</summary>
    public ReadOnlySpan<float> Values { get; }

    /// <summary>Number of stored entries in the row.</summary>
    public int Count => Values.Length;

    /// <summary>Allows <c>var (columns, values) = matrix.Row(i);</c>.</summary>
    public void Deconstruct(out ReadOnlySpan<int> columnIndices, out ReadOnlySpan<float> values)
    {
        columnIndices = ColumnIndices;
        values = Values;
    }
}
