using ILGPU;
using ILGPU.Runtime;
using PlaceDeMarche.Pipeline.Numerics.Compute;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>
/// <see cref="IMatrixProducts"/> on an ILGPU accelerator. The data are uploaded once and centred in place on the
/// device (each value minus its double-precision mean, stored as float). One thread per output entry, no atomics.
/// Sums over the features (Gram entries, X·Ω) are accumulated in float, like the CPU's distance lanes; sums over the
/// rows (scatter entries, Xᵀ·Y) in double, because they run over up to millions of rows where float would lose the
/// 1e-4 the explained variance must keep.
/// </summary>
internal sealed class IlgpuMatrixProducts : IMatrixProducts
{
    private readonly IlgpuDevice _device;
    private readonly int n;
    private readonly int d;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _centred;
    private readonly Action<Index2D, ArrayView<float>, ArrayView<double>, int, int> _gram;
    private readonly Action<Index2D, ArrayView<float>, ArrayView<double>, int, int> _scatter;
    private readonly Action<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<double>, int, int> _times;
    private readonly Action<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<double>, int, int> _transposeTimes;

    public IlgpuMatrixProducts(IlgpuDevice device, DenseMatrix data, double[] mean)
    {
        _device = device;
        n = data.Rows;
        d = data.Columns;
        var accelerator = device.Accelerator;
        lock (device.Gate)
        {
            _gram = accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, ArrayView<double>, int, int>(GramKernel);
            _scatter = accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, ArrayView<double>, int, int>(ScatterKernel);
            _times = accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<double>, int, int>(TimesKernel);
            _transposeTimes = accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<double>, int, int>(TransposeTimesKernel);
            var centre = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<double>, int>(CentreKernel);
            _centred = accelerator.Allocate1D(data.Data);
            using var means = accelerator.Allocate1D(mean);
            centre(data.Data.Length, _centred.View, means.View, d);
            accelerator.Synchronize();
        }
    }

    public double[] CentredGram() => Run(n * n, result => _gram(new Index2D(n, n), _centred.View, result, n, d));

    public double[] CentredScatter() => Run(d * d, result => _scatter(new Index2D(d, d), _centred.View, result, n, d));

    public double[] CentredTimes(double[] basis, int width) =>
        Run(width * n, basis, (vectors, result) => _times(new Index2D(n, width), _centred.View, vectors, result, n, d));

    public double[] CentredTransposeTimes(double[] vectors, int width) =>
        Run(width * d, vectors, (weights, result) => _transposeTimes(new Index2D(d, width), _centred.View, weights, result, n, d));

    private double[] Run(int size, Action<ArrayView<double>> launch)
    {
        var result = new double[size];
        lock (_device.Gate)
        {
            using var output = _device.Accelerator.Allocate1D<double>(size);
            launch(output.View);
            _device.Accelerator.Synchronize();
            output.CopyToCPU(result);
        }

        return result;
    }

    private double[] Run(int size, double[] operand, Action<ArrayView<float>, ArrayView<double>> launch)
    {
        var input = Array.ConvertAll(operand, value => (float)value);
        var result = new double[size];
        lock (_device.Gate)
        {
            using var uploaded = _device.Accelerator.Allocate1D(input);
            using var output = _device.Accelerator.Allocate1D<double>(size);
            launch(uploaded.View, output.View);
            _device.Accelerator.Synchronize();
            output.CopyToCPU(result);
        }

        return result;
    }

    private static void CentreKernel(Index1D index, ArrayView<float> values, ArrayView<double> mean, int d) =>
        values[index] = (float)(values[index] - mean[index.X % d]);

    /// <summary>Entry (i, j) of Xc·Xcᵀ, summed over the features in float.</summary>
    private static void GramKernel(Index2D index, ArrayView<float> centred, ArrayView<double> result, int n, int d)
    {
        long left = (long)index.X * d, right = (long)index.Y * d;
        var sum = 0f;
        for (var f = 0; f < d; f++)
        {
            sum += centred[left + f] * centred[right + f];
        }

        result[(long)index.X * n + index.Y] = sum;
    }

    /// <summary>Entry (a, b) of Xcᵀ·Xc, summed over the rows in double.</summary>
    private static void ScatterKernel(Index2D index, ArrayView<float> centred, ArrayView<double> result, int n, int d)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = (long)i * d;
            sum += (double)centred[row + index.X] * centred[row + index.Y];
        }

        result[(long)index.X * d + index.Y] = sum;
    }

    /// <summary>Entry (r, i) of (Xc·Mᵀ)ᵀ: row i dotted with basis vector r, over the features in float.</summary>
    private static void TimesKernel(Index2D index, ArrayView<float> centred, ArrayView<float> basis, ArrayView<double> result, int n, int d)
    {
        int i = index.X, r = index.Y;
        long row = (long)i * d, vector = (long)r * d;
        var sum = 0f;
        for (var f = 0; f < d; f++)
        {
            sum += centred[row + f] * basis[vector + f];
        }

        result[(long)r * n + i] = sum;
    }

    /// <summary>Entry (r, f) of Xcᵀ·Q: Σᵢ qᵣᵢ xcᵢf over the rows in double.</summary>
    private static void TransposeTimesKernel(Index2D index, ArrayView<float> centred, ArrayView<float> weights, ArrayView<double> result, int n, int d)
    {
        int f = index.X, r = index.Y;
        var vector = (long)r * n;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += (double)weights[vector + i] * centred[(long)i * d + f];
        }

        result[(long)r * d + f] = sum;
    }

    public void Dispose()
    {
        lock (_device.Gate)
        {
            _centred.Dispose();
        }
    }
}
