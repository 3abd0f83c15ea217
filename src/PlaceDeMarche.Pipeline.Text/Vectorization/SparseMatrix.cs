namespace PlaceDeMarche.Pipeline.Text.Vectorization;

/// <summary>
/// An immutable sparse matrix in compressed sparse row (CSR) form, laid out like scipy's <c>csr_matrix</c>:
/// row r's entries are positions <c>RowPointers[r]</c> to <c>RowPointers[r + 1]</c> of
/// <see cref="ColumnIndices"/> (scipy <c>indices</c>, ascending within a row) and <see cref="Values"/>.
/// </summary>
public sealed class SparseMatrix
{
    private readonly int[] rowPointers;
    private readonly int[] columnIndices;
    private readonly float[] values;

    /// <summary>
    /// Wraps CSR arrays (not copied: do not change them afterwards). Throws <see cref="ArgumentException"/> when
    /// they are inconsistent: wrong lengths, decreasing row pointers, or column indices out of range or not
    /// strictly ascending within a row.
    /// </summary>
    public SparseMatrix(int rowCount, int columnCount, int[] rowPointers, int[] columnIndices, float[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (rowPointers.Length != rowCount + 1 || rowPointers[0] != 0 || rowPointers[rowCount] != columnIndices.Length)
            throw new ArgumentException($"rowPointers must have {rowCount + 1} entries, start at 0 and end at the {columnIndices.Length} stored entries; it has {rowPointers.Length}.", nameof(rowPointers));
        if (values.Length != columnIndices.Length)
            throw new ArgumentException($"values has {values.Length} entries but columnIndices has {columnIndices.Length}; they must match.", nameof(values));
        for (var row = 0; row < rowCount; row++)
        {
            if (rowPointers[row + 1] < rowPointers[row])
                throw new ArgumentException($"rowPointers decreases at row {row} ({rowPointers[row]} then {rowPointers[row + 1]}).", nameof(rowPointers));
            for (var k = rowPointers[row]; k < rowPointers[row + 1]; k++)
            {
                if ((uint)columnIndices[k] >= (uint)columnCount || (k > rowPointers[row] && columnIndices[k] <= columnIndices[k - 1]))
                    throw new ArgumentException($"Row {row}, entry {k}: column {columnIndices[k]} is outside [0, {columnCount}) or not above the previous column of the row.", nameof(columnIndices));
            }
        }
        RowCount = rowCount;
        ColumnCount = columnCount;
        this.rowPointers = rowPointers;
        this.columnIndices = columnIndices;
        this.values = values;
    }

    /// <summary>Number of rows (documents).</summary>
    public int RowCount { get; }

    /// <summary>Number of columns (terms).</summary>
    public int ColumnCount { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeroCount => values.Length;

    /// <summary>Where each row starts in <see cref="ColumnIndices"/>/<see cref="Values"/>; RowCount + 1 entries (scipy <c>indptr</c>).</summary>
    public ReadOnlySpan<int> RowPointers => rowPointers;

    /// <summary>Column of each stored entry, ascending within each row (scipy <c>indices</c>).</summary>
    public ReadOnlySpan<int> ColumnIndices => columnIndices;

    /// <summary>Value of each stored entry (scipy <c>data</c>).</summary>
    public ReadOnlySpan<float> Values => values;

    /// <summary>The columns of the entries stored for <paramref name="row"/>.</summary>
    public ReadOnlySpan<int> RowColumnIndices(int row) => columnIndices.AsSpan(RowStart(row), RowLength(row));

    /// <summary>The values of the entries stored for <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> RowValues(int row) => values.AsSpan(RowStart(row), RowLength(row));

    /// <summary>The value at (<paramref name="row"/>, <paramref name="column"/>); 0 when not stored.</summary>
    public float this[int row, int column]
    {
        get
        {
            if ((uint)column >= (uint)ColumnCount)
                throw new ArgumentOutOfRangeException(nameof(column), column, $"Column must lie in [0, {ColumnCount}).");
            var position = RowColumnIndices(row).BinarySearch(column);
            return position >= 0 ? values[rowPointers[row] + position] : 0f;
        }
    }

    /// <summary>The matrix as a dense row-major array of RowCount × ColumnCount values.</summary>
    public float[] ToDense()
    {
        var dense = new float[(long)RowCount * ColumnCount];
        for (var row = 0; row < RowCount; row++)
        {
            var rowOffset = (long)row * ColumnCount;
            for (var k = rowPointers[row]; k < rowPointers[row + 1]; k++)
                dense[rowOffset + columnIndices[k]] = values[k];
        }
        return dense;
    }

    private int RowStart(int row)
    {
        if ((uint)row >= (uint)RowCount)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must lie in [0, {RowCount}).");
        return rowPointers[row];
    }

    private int RowLength(int row) => rowPointers[row + 1] - rowPointers[row];
}
