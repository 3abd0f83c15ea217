namespace PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

/// <summary>
/// An immutable single-precision sparse matrix in compressed sparse row (CSR) form, laid out like scipy's
/// <c>csr_matrix</c>: row r owns entries <c>RowPointers[r]</c> to <c>RowPointers[r + 1]</c> of
/// <see cref="ColumnIndices"/> (strictly ascending within a row) and <see cref="Values"/>. Products with dense
/// matrices are parallel over output rows; each output row is summed by one task in entry order, so results do not
/// depend on thread scheduling.
/// </summary>
public sealed class SparseRowMatrix
{
    private const int ChunkRows = 64;

    private readonly int[] _rowPointers;
    private readonly int[] _columnIndices;
    private readonly float[] _values;

    /// <summary>Wraps CSR arrays without copying them (do not change them afterwards). Throws
    /// <see cref="ArgumentException"/> naming the offending row and entry when they are inconsistent.</summary>
    public SparseRowMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, float[] values)
    {
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (rows <= 0 || columns <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(rows), $"A sparse matrix needs at least one row and one column (got {rows} x {columns}).");
        }

        if (values.Length != columnIndices.Length)
        {
            throw new ArgumentException(
                $"values has {values.Length} entries but columnIndices has {columnIndices.Length}; they must match.",
                nameof(values));
        }

        if (rowPointers.Length != rows + 1 || rowPointers[0] != 0 || rowPointers[rows] != values.Length)
        {
            throw new ArgumentException(
                $"rowPointers must have rows + 1 = {rows + 1} entries, start at 0 and end at the {values.Length} stored "
                + $"entries; it has {rowPointers.Length} entries.",
                nameof(rowPointers));
        }

        for (var row = 0; row < rows; row++)
        {
            ValidateRow(row, columns, rowPointers, columnIndices, values);
        }

        Rows = rows;
        Columns = columns;
        _rowPointers = rowPointers;
        _columnIndices = columnIndices;
        _values = values;
    }

    /// <summary>Number of rows (documents).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (terms).</summary>
    public int Columns { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeroCount => _values.Length;

    /// <summary>Where each row starts in <see cref="ColumnIndices"/> and <see cref="Values"/> (rows + 1 entries).</summary>
    public ReadOnlySpan<int> RowPointers => _rowPointers;

    /// <summary>Column of each stored entry, strictly ascending within a row.</summary>
    public ReadOnlySpan<int> ColumnIndices => _columnIndices;

    /// <summary>Value of each stored entry.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>The stored entries of row <paramref name="row"/>.</summary>
    public SparseRowMatrixRow Row(int row)
    {
        if ((uint)row >= (uint)Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row index must be in [0, {Rows}).");
        }

        var start = _rowPointers[row];
        var count = _rowPointers[row + 1] - start;
        return new SparseRowMatrixRow(_columnIndices.AsSpan(start, count), _values.AsSpan(start, count));
    }

    /// <summary>The value at (<paramref name="row"/>, <paramref name="column"/>); 0 when no entry is stored there.
    /// Binary search within the row, for lookups; iterate <see cref="Row"/> to visit a whole row.</summary>
    public float this[int row, int column]
    {
        get
        {
            if ((uint)column >= (uint)Columns)
            {
                throw new ArgumentOutOfRangeException(nameof(column), column, $"Column index must be in [0, {Columns}).");
            }

            var entries = Row(row);
            var position = entries.ColumnIndices.BinarySearch(column);
            return position >= 0 ? entries.Values[position] : 0f;
        }
    }

    /// <summary>Stores the non-zero cells of <paramref name="dense"/>.</summary>
    public static SparseRowMatrix FromDense(DenseMatrix dense)
    {
        ArgumentNullException.ThrowIfNull(dense);
        var count = 0;
        foreach (var value in dense.Data)
        {
            if (value != 0f)
            {
                count++;
            }
        }

        var rowPointers = new int[dense.Rows + 1];
        var columnIndices = new int[count];
        var values = new float[count];
        var entry = 0;
        for (var i = 0; i < dense.Rows; i++)
        {
            var row = dense.Row(i);
            for (var j = 0; j < row.Length; j++)
            {
                if (row[j] != 0f)
                {
                    columnIndices[entry] = j;
                    values[entry++] = row[j];
                }
            }

            rowPointers[i + 1] = entry;
        }

        return new SparseRowMatrix(dense.Rows, dense.Columns, rowPointers, columnIndices, values);
    }

    /// <summary>Returns the dense equivalent (zeros filled in).</summary>
    public DenseMatrix ToDense()
    {
        var dense = new DenseMatrix(Rows, Columns);
        for (var i = 0; i < Rows; i++)
        {
            var target = dense.Row(i);
            for (var entry = _rowPointers[i]; entry < _rowPointers[i + 1]; entry++)
            {
                target[_columnIndices[entry]] = _values[entry];
            }
        }

        return dense;
    }

    /// <summary>Returns the transpose (columns × rows), also in CSR form.</summary>
    public SparseRowMatrix Transpose() => Transpose(out _);

    /// <summary>Returns this · <paramref name="right"/> (rows × right.Columns), accumulated in double precision.</summary>
    public DenseMatrix Multiply(DenseMatrix right)
    {
        ArgumentNullException.ThrowIfNull(right);
        if (right.Rows != Columns)
        {
            throw new ArgumentException(
                $"Cannot multiply a {Rows} x {Columns} sparse matrix by a {right.Rows} x {right.Columns} matrix: "
                + $"the right operand needs {Columns} rows.",
                nameof(right));
        }

        var result = new double[Rows * right.Columns];
        Multiply(Array.ConvertAll(right.Data, value => (double)value), right.Columns, result);
        return new DenseMatrix(Rows, right.Columns, Array.ConvertAll(result, value => (float)value));
    }

    /// <summary>Returns <paramref name="left"/> · this (left.Rows × columns), accumulated in double precision and
    /// parallel over the rows of <paramref name="left"/>.</summary>
    public DenseMatrix LeftMultiply(DenseMatrix left)
    {
        ArgumentNullException.ThrowIfNull(left);
        if (left.Columns != Rows)
        {
            throw new ArgumentException(
                $"Cannot multiply a {left.Rows} x {left.Columns} matrix by a {Rows} x {Columns} sparse matrix: "
                + $"the left operand needs {Rows} columns.",
                nameof(left));
        }

        var result = new DenseMatrix(left.Rows, Columns);
        Parallel.For(0, (left.Rows + ChunkRows - 1) / ChunkRows, chunk =>
        {
            var sums = new double[Columns];
            var end = Math.Min(left.Rows, (chunk + 1) * ChunkRows);
            for (var i = chunk * ChunkRows; i < end; i++)
            {
                Array.Clear(sums);
                var factors = left.Row(i);
                for (var k = 0; k < Rows; k++)
                {
                    double factor = factors[k];
                    if (factor == 0.0)
                    {
                        continue;
                    }

                    for (var entry = _rowPointers[k]; entry < _rowPointers[k + 1]; entry++)
                    {
                        sums[_columnIndices[entry]] += factor * _values[entry];
                    }
                }

                var target = result.Row(i);
                for (var j = 0; j < Columns; j++)
                {
                    target[j] = (float)sums[j];
                }
            }
        });
        return result;
    }

    /// <summary>Overwrites <paramref name="result"/> (rows × width, row-major) with this · <paramref name="right"/>
    /// (columns × width, row-major).</summary>
    internal void Multiply(double[] right, int width, double[] result)
    {
        Parallel.For(0, (Rows + ChunkRows - 1) / ChunkRows, chunk =>
        {
            var end = Math.Min(Rows, (chunk + 1) * ChunkRows);
            for (var i = chunk * ChunkRows; i < end; i++)
            {
                var target = result.AsSpan(i * width, width);
                target.Clear();
                for (var entry = _rowPointers[i]; entry < _rowPointers[i + 1]; entry++)
                {
                    VectorKernels.AddScaled(target, right.AsSpan(_columnIndices[entry] * width, width), _values[entry]);
                }
            }
        });
    }

    /// <summary>Transpose by counting sort over columns; <paramref name="sourceEntries"/>[e] is the index in this
    /// matrix of the transpose's entry e, so per-entry data can follow the entries.</summary>
    internal SparseRowMatrix Transpose(out int[] sourceEntries)
    {
        var rowPointers = new int[Columns + 1];
        foreach (var column in _columnIndices)
        {
            rowPointers[column + 1]++;
        }

        for (var j = 0; j < Columns; j++)
        {
            rowPointers[j + 1] += rowPointers[j];
        }

        var next = rowPointers[..^1];
        var columnIndices = new int[NonZeroCount];
        var values = new float[NonZeroCount];
        sourceEntries = new int[NonZeroCount];
        for (var i = 0; i < Rows; i++)
        {
            for (var entry = _rowPointers[i]; entry < _rowPointers[i + 1]; entry++)
            {
                var position = next[_columnIndices[entry]]++;
                columnIndices[position] = i;
                values[position] = _values[entry];
                sourceEntries[position] = entry;
            }
        }

        return new SparseRowMatrix(Columns, Rows, rowPointers, columnIndices, values);
    }

    /// <summary>Throws when any stored value is negative, naming the first offending cell.</summary>
    internal void EnsureNonNegative(string consumer)
    {
        for (var i = 0; i < Rows; i++)
        {
            for (var entry = _rowPointers[i]; entry < _rowPointers[i + 1]; entry++)
            {
                if (_values[entry] < 0f)
                {
                    throw new ArgumentException(
                        $"{consumer} input has a negative value ({_values[entry]}) at row {i}, column "
                        + $"{_columnIndices[entry]}; it needs non-negative data such as counts or TF-IDF weights.");
                }
            }
        }
    }

    /// <summary>Sum of all stored values, in double precision.</summary>
    internal double Sum()
    {
        var total = 0.0;
        foreach (var value in _values)
        {
            total += value;
        }

        return total;
    }

    private static void ValidateRow(int row, int columns, int[] rowPointers, int[] columnIndices, float[] values)
    {
        int start = rowPointers[row], end = rowPointers[row + 1];
        if (end < start || end > values.Length)
        {
            throw new ArgumentException(
                $"rowPointers must be non-decreasing and at most {values.Length}, but row {row} spans entries {start} to {end}.",
                nameof(rowPointers));
        }

        for (var entry = start; entry < end; entry++)
        {
            var column = columnIndices[entry];
            if ((uint)column >= (uint)columns || (entry > start && column <= columnIndices[entry - 1]))
            {
                throw new ArgumentException(
                    $"Row {row}, entry {entry}: column {column} is outside [0, {columns}) or not above the previous "
                    + "column of the row; sort each row's columns and merge duplicates.",
                    nameof(columnIndices));
            }

            if (!float.IsFinite(values[entry]))
            {
                throw new ArgumentException(
                    $"Row {row}, column {column} (entry {entry}) holds a NaN or infinite value; clean the features first.",
                    nameof(values));
            }
        }
    }
}
