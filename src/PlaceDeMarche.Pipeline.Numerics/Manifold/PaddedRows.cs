using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// A copy of a matrix's rows with each row padded with zeros to whole 8-float vectors, so distance loops have no
/// scalar tail. The exact and approximate neighbour searches all measure distances on these rows, so they agree on
/// every (distance, index) tie.
/// </summary>
internal sealed class PaddedRows
{
    private const int Lanes = 8;
    private readonly float[] _values;

    public PaddedRows(DenseMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Count = data.Rows;
        Columns = data.Columns;
        Stride = (data.Columns + Lanes - 1) / Lanes * Lanes;
        _values = new float[checked(Count * Stride)];
        for (var i = 0; i < Count; i++)
        {
            data.Row(i).CopyTo(_values.AsSpan(i * Stride, Columns));
        }
    }

    public int Count { get; }

    /// <summary>The columns of the original rows (the others are padding).</summary>
    public int Columns { get; }

    /// <summary>Floats per stored row.</summary>
    public int Stride { get; }

    public ReadOnlySpan<float> this[int row] => _values.AsSpan(row * Stride, Stride);

    public double SquaredDistance(int a, int b) => VectorKernels.SquaredDistance(this[a], this[b]);
}
