using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Text.Vectorization;

/// <summary>Accumulates CSR rows one at a time into growable arrays.</summary>
internal sealed class SparseRowMatrixBuilder(int expectedEntries)
{
    private readonly List<int> rowPointers = [0];
    private int[] columnIndices = new int[Math.Max(expectedEntries, 16)];
    private float[] values = new float[Math.Max(expectedEntries, 16)];

    public int Rows => rowPointers.Count - 1;

    public int EntryCount { get; private set; }

    public void Append(int column, float value)
    {
        if (EntryCount == columnIndices.Length)
        {
            Array.Resize(ref columnIndices, columnIndices.Length * 2);
            Array.Resize(ref values, values.Length * 2);
        }
        columnIndices[EntryCount] = column;
        values[EntryCount++] = value;
    }

    public void EndRow() => rowPointers.Add(EntryCount);

    public SparseRowMatrix ToMatrix(int columnCount) =>
        Concatenate([this], columnCount);

    /// <summary>Stacks the rows of <paramref name="parts"/>, in order, into one matrix.</summary>
    public static SparseRowMatrix Concatenate(IReadOnlyList<SparseRowMatrixBuilder> parts, int columnCount)
    {
        var rowCount = parts.Sum(part => part.Rows);
        var entryCount = parts.Sum(part => part.EntryCount);
        var pointers = new int[rowCount + 1];
        var columns = new int[entryCount];
        var data = new float[entryCount];
        int row = 0, offset = 0;
        foreach (var part in parts)
        {
            for (var r = 1; r <= part.Rows; r++)
                pointers[++row] = offset + part.rowPointers[r];
            part.columnIndices.AsSpan(0, part.EntryCount).CopyTo(columns.AsSpan(offset));
            part.values.AsSpan(0, part.EntryCount).CopyTo(data.AsSpan(offset));
            offset += part.EntryCount;
        }
        return new SparseRowMatrix(rowCount, columnCount, pointers, columns, data);
    }
}
