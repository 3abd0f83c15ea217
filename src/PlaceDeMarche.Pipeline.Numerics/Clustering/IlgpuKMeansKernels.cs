using ILGPU;
using ILGPU.Runtime;
using PlaceDeMarche.Pipeline.Numerics.Compute;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Clustering;

/// <summary>
/// <see cref="IKMeansKernels"/> on an ILGPU accelerator; the data are uploaded once. Assignment: one thread per row,
/// distances summed over the features in float (d terms, as the CPU's float lanes). Update: one thread per (row
/// chunk, feature) adds the chunk's rows into per-cluster partial sums, then one thread per (cluster, feature) adds
/// the partials in chunk order; both in double, because a cluster's sum runs over up to millions of rows, where
/// float would lose three digits. No atomics: the sums' order is fixed, so a GPU gives the same bits run after run.
/// </summary>
internal sealed class IlgpuKMeansKernels : IKMeansKernels
{
    private const int ChunkRows = 1024;

    private readonly IlgpuDevice _device;
    private readonly int n;
    private readonly int d;
    private readonly int k;
    private readonly int _chunks;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _data;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _centroids;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _labels;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _distances;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _partials;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _sums;
    private readonly float[] _distancesOnHost;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<float>, int, int> _assign;
    private readonly Action<Index2D, ArrayView<float>, ArrayView<int>, ArrayView<double>, int, int, int> _partialSums;
    private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, int, int> _addPartials;

    public IlgpuKMeansKernels(IlgpuDevice device, DenseMatrix data, int clusterCount)
    {
        _device = device;
        n = data.Rows;
        d = data.Columns;
        k = clusterCount;
        _chunks = (n + ChunkRows - 1) / ChunkRows;
        _distancesOnHost = new float[n];
        var accelerator = device.Accelerator;
        lock (device.Gate)
        {
            _assign = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<float>, int, int>(AssignKernel);
            _partialSums = accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, ArrayView<int>, ArrayView<double>, int, int, int>(PartialSumsKernel);
            _addPartials = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, int, int>(AddPartialsKernel);
            _data = accelerator.Allocate1D(data.Data);
            _centroids = accelerator.Allocate1D<float>((long)k * d);
            _labels = accelerator.Allocate1D<int>(n);
            _distances = accelerator.Allocate1D<float>(n);
            _partials = accelerator.Allocate1D<double>((long)_chunks * k * d);
            _sums = accelerator.Allocate1D<double>((long)k * d);
        }
    }

    public double Assign(float[] centroids, int[] labels, double[] distances)
    {
        lock (_device.Gate)
        {
            _centroids.CopyFromCPU(centroids);
            _assign(n, _data.View, _centroids.View, _labels.View, _distances.View, k, d);
            _device.Accelerator.Synchronize();
            _labels.CopyToCPU(labels);
            _distances.CopyToCPU(_distancesOnHost);
        }

        var inertia = 0.0;
        for (var i = 0; i < n; i++)
        {
            distances[i] = _distancesOnHost[i];
            inertia += distances[i];
        }

        return inertia;
    }

    public void SumByCluster(int[] labels, double[] sums)
    {
        lock (_device.Gate)
        {
            _labels.CopyFromCPU(labels);
            _partialSums(new Index2D(_chunks, d), _data.View, _labels.View, _partials.View, n, k, d);
            _addPartials(k * d, _partials.View, _sums.View, _chunks, k * d);
            _device.Accelerator.Synchronize();
            _sums.CopyToCPU(sums);
        }
    }

    private static void AssignKernel(Index1D row, ArrayView<float> data, ArrayView<float> centroids, ArrayView<int> labels, ArrayView<float> distances, int k, int d)
    {
        var start = (long)row.X * d;
        var best = 0;
        var bestDistance = float.PositiveInfinity;
        for (var c = 0; c < k; c++)
        {
            var distance = 0f;
            var centre = (long)c * d;
            for (var j = 0; j < d; j++)
            {
                var difference = data[start + j] - centroids[centre + j];
                distance += difference * difference;
            }

            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }

        labels[row] = best;
        distances[row] = bestDistance;
    }

    private static void PartialSumsKernel(Index2D index, ArrayView<float> data, ArrayView<int> labels, ArrayView<double> partials, int n, int k, int d)
    {
        int chunk = index.X, feature = index.Y;
        var block = (long)chunk * k * d;
        for (var c = 0; c < k; c++)
        {
            partials[block + (long)c * d + feature] = 0.0;
        }

        var end = (chunk + 1) * ChunkRows < n ? (chunk + 1) * ChunkRows : n;
        for (var i = chunk * ChunkRows; i < end; i++)
        {
            partials[block + (long)labels[i] * d + feature] += data[(long)i * d + feature];
        }
    }

    private static void AddPartialsKernel(Index1D entry, ArrayView<double> partials, ArrayView<double> sums, int chunks, int size)
    {
        var total = 0.0;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            total += partials[(long)chunk * size + entry.X];
        }

        sums[entry] = total;
    }

    public void Dispose()
    {
        lock (_device.Gate)
        {
            _data.Dispose();
            _centroids.Dispose();
            _labels.Dispose();
            _distances.Dispose();
            _partials.Dispose();
            _sums.Dispose();
        }
    }
}
