using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// A copy of a matrix's rows with each row padded with zeros to whole 8-float vectors, so distance loops have no
/// scalar tail. Every neighbour search (vantage-point tree, tiled scan, approximate) measures distances on these
/// rows, so they agree on every (distance, index) tie.
/// </summary>
internal sealed class PaddedRows
{
    private const int Lanes = 8;
    private readonly float[] _values;

    /// <summary>Row p of the copy is row <paramref name="order"/>[p] of <paramref name="data"/> (row p when
    /// <paramref name="order"/> is null), e.g. in a tree's order so that its scans read contiguous memory.</summary>
    public PaddedRows(DenseMatrix data, int[]? order = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Count = data.Rows;
        Stride = (data.Columns + Lanes - 1) / Lanes * Lanes;
        _values = new float[checked(Count * Stride)];
        for (var p = 0; p < Count; p++)
        {
            data.Row(order?[p] ?? p).CopyTo(_values.AsSpan(p * Stride, data.Columns));
        }
    }

    public int Count { get; }

    /// <summary>Floats per stored row.</summary>
    public int Stride { get; }

    public ReadOnlySpan<float> this[int row] => _values.AsSpan(row * Stride, Stride);

    public double SquaredDistance(int a, int b) => VectorKernels.SquaredDistance(this[a], this[b]);
}
