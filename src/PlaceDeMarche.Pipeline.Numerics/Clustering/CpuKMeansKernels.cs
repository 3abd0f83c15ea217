using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Clustering;

/// <summary>The CPU implementation of <see cref="IKMeansKernels"/>: <see cref="CentroidAssignment"/>'s SIMD scan and
/// a row-order double sum.</summary>
internal sealed class CpuKMeansKernels(DenseMatrix data, int clusterCount) : IKMeansKernels
{
    public double Assign(float[] centroids, int[] labels, double[] distances) =>
        CentroidAssignment.Assign(data, null, data.Rows, centroids, clusterCount, labels, distances);

    public void SumByCluster(int[] labels, double[] sums) => SumRows(data, labels, sums);

    /// <summary>Adds each row into its cluster's sums, in row order.</summary>
    internal static void SumRows(DenseMatrix data, int[] labels, double[] sums)
    {
        var d = data.Columns;
        Array.Clear(sums);
        for (var i = 0; i < labels.Length; i++)
        {
            VectorKernels.AddWidened(sums.AsSpan(labels[i] * d, d), data.Row(i));
        }
    }

    public void Dispose()
    {
    }
}
