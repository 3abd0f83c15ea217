using PlaceDeMarche.Pipeline.Numerics.Compute;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Clustering;

/// <summary>
/// Lloyd's two data passes over one data matrix (bound at creation): the assignment step and the per-cluster sums of
/// the update step. Implementations: <see cref="CpuKMeansKernels"/> (the SIMD code) and <see cref="IlgpuKMeansKernels"/>.
/// Restarts share one instance from several threads; each call is complete in itself.
/// </summary>
internal interface IKMeansKernels : IDisposable
{
    /// <summary>The kernels of <paramref name="backend"/> for <paramref name="data"/>.</summary>
    static IKMeansKernels Open(ComputeBackend backend, DenseMatrix data, int clusterCount) =>
        backend.Device is { } device ? new IlgpuKMeansKernels(device, data, clusterCount) : new CpuKMeansKernels(data, clusterCount);

    /// <summary>Each row's nearest centroid (lowest index on ties) and squared distance; returns their sum (the inertia).</summary>
    double Assign(float[] centroids, int[] labels, double[] distances);

    /// <summary>Per cluster and feature, the sum of its rows' values (k × d, row-major), in double.</summary>
    void SumByCluster(int[] labels, double[] sums);
}
