namespace PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

/// <summary>A dense single-precision matrix stored row-major in one contiguous array.</summary>
public sealed class DenseMatrix
{
    /// <summary>Creates a zero-filled matrix.</summary>
    public DenseMatrix(int rows, int columns)
        : this(rows, columns, new float[checked(ValidateShape(rows, columns) * columns)])
    {
    }

    /// <summary>Wraps <paramref name="data"/> (row-major, length rows × columns) without copying it.</summary>
    public DenseMatrix(int rows, int columns, float[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ValidateShape(rows, columns);
        if (data.Length != (long)rows * columns)
        {
            throw new ArgumentException(
                $"Matrix data has {data.Length} values but a {rows} x {columns} matrix needs {(long)rows * columns}.",
                nameof(data));
        }

        Rows = rows;
        Columns = columns;
        Data = data;
    }

    /// <summary>Number of rows (samples).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features).</summary>
    public int Columns { get; }

    /// <summary>The row-major backing array, shared with the caller.</summary>
    public float[] Data { get; }

    /// <summary>Gets or sets one element.</summary>
    public float this[int row, int column]
    {
        get => Data[Offset(row, column)];
        set => Data[Offset(row, column)] = value;
    }

    /// <summary>The values of row <paramref name="row"/>.</summary>
    public Span<float> Row(int row)
    {
        if ((uint)row >= (uint)Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row index must be in [0, {Rows}).");
        }

        return Data.AsSpan(row * Columns, Columns);
    }

    /// <summary>Builds a matrix by copying jagged rows, which must all have the same length.</summary>
    public static DenseMatrix FromRows(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("Cannot build a matrix from zero rows.", nameof(rows));
        }

        var columns = rows[0].Length;
        var matrix = new DenseMatrix(rows.Count, columns);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns)
            {
                throw new ArgumentException(
                    $"Row {i} has {rows[i].Length} values but row 0 has {columns}; all rows must have the same length.",
                    nameof(rows));
            }

            rows[i].CopyTo(matrix.Row(i));
        }

        return matrix;
    }

    /// <summary>Returns an independent copy of this matrix.</summary>
    public DenseMatrix Clone() => new(Rows, Columns, (float[])Data.Clone());

    /// <summary>Throws when any value is NaN or infinite, naming the first offending cell.</summary>
    internal void EnsureFinite(string consumer)
    {
        for (var index = 0; index < Data.Length; index++)
        {
            if (!float.IsFinite(Data[index]))
            {
                throw new ArgumentException(
                    $"{consumer} input has a NaN or infinite value at row {index / Columns}, column {index % Columns}; "
                    + "clean or impute the features first.");
            }
        }
    }

    private int Offset(int row, int column)
    {
        if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
        {
            throw new ArgumentOutOfRangeException(
                nameof(row), $"Element ({row}, {column}) is outside a {Rows} x {Columns} matrix.");
        }

        return row * Columns + column;
    }

    private static int ValidateShape(int rows, int columns)
    {
        if (rows <= 0 || columns <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(rows), $"A matrix needs at least one row and one column (got {rows} x {columns}).");
        }

        return rows;
    }
}
