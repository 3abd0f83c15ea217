namespace PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

/// <summary>
/// Eigenvalues of a symmetric matrix in descending order, and the unit eigenvectors of the leading ones.
/// </summary>
public sealed class SymmetricEigenDecomposition
{
    private readonly double[] _vectors;

    internal SymmetricEigenDecomposition(double[] values, double[] vectors, int vectorCount)
    {
        Values = values;
        _vectors = vectors;
        VectorCount = vectorCount;
    }

    /// <summary>All eigenvalues, largest first.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Matrix order n.</summary>
    public int Order => Values.Count;

    /// <summary>How many leading eigenvectors were computed.</summary>
    public int VectorCount { get; }

    /// <summary>The unit eigenvector (length n) belonging to <see cref="Values"/>[<paramref name="index"/>].</summary>
    public ReadOnlySpan<double> Vector(int index)
    {
        if ((uint)index >= (uint)VectorCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(index), index, $"Only the first {VectorCount} eigenvectors were computed.");
        }

        return _vectors.AsSpan(index * Order, Order);
    }
}
