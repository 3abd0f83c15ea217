using ILGPU;
using ILGPU.Runtime;
using PlaceDeMarche.Pipeline.Numerics.Compute;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// <see cref="ITSneGradientKernels"/> on an ILGPU accelerator, P uploaded once. Repulsion: one thread per point sums
/// its n − 1 pairs in float (each pair is thus computed twice, once per side: a GPU prefers that to scattered
/// writes), and the host adds the per-point similarity sums into Z in double, in point order. Attraction: one thread
/// per row of P, in float (about 90 entries a row). The divergence, evaluated every 50 iterations, stays on the host.
/// </summary>
internal sealed class IlgpuTSneGradientKernels : ITSneGradientKernels
{
    private readonly IlgpuDevice _device;
    private readonly int n;
    private readonly SparseAttraction _divergence;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _xs;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _ys;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _outX;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _outY;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _similarities;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _rowPointers;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _columns;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _probabilities;
    private readonly float[] _similaritiesOnHost;
    private readonly float[] _attractionX;
    private readonly float[] _attractionY;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int> _repulsion;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>> _attraction;

    public IlgpuTSneGradientKernels(IlgpuDevice device, SparseRowMatrix joint)
    {
        _device = device;
        n = joint.Rows;
        _divergence = new SparseAttraction(joint);
        _similaritiesOnHost = new float[n];
        _attractionX = new float[n];
        _attractionY = new float[n];
        var accelerator = device.Accelerator;
        lock (device.Gate)
        {
            _repulsion = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int>(RepulsionKernel);
            _attraction = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>>(AttractionKernel);
            _xs = accelerator.Allocate1D<float>(n);
            _ys = accelerator.Allocate1D<float>(n);
            _outX = accelerator.Allocate1D<float>(n);
            _outY = accelerator.Allocate1D<float>(n);
            _similarities = accelerator.Allocate1D<float>(n);
            _rowPointers = accelerator.Allocate1D(joint.RowPointers.ToArray());
            // A matrix without entries still needs a non-empty buffer.
            _columns = accelerator.Allocate1D(joint.NonZeroCount > 0 ? joint.ColumnIndices.ToArray() : [0]);
            _probabilities = accelerator.Allocate1D(joint.NonZeroCount > 0 ? joint.Values.ToArray() : [0f]);
        }
    }

    public double Repulsion(float[] xs, float[] ys, float[] forceX, float[] forceY)
    {
        lock (_device.Gate)
        {
            _xs.CopyFromCPU(xs);
            _ys.CopyFromCPU(ys);
            _repulsion(n, _xs.View, _ys.View, _outX.View, _outY.View, _similarities.View, n);
            _device.Accelerator.Synchronize();
            _outX.CopyToCPU(forceX);
            _outY.CopyToCPU(forceY);
            _similarities.CopyToCPU(_similaritiesOnHost);
        }

        var normaliser = 0.0;
        foreach (var similarity in _similaritiesOnHost)
        {
            normaliser += similarity;
        }

        return normaliser;
    }

    public void Attraction(float[] xs, float[] ys, double[] attraction)
    {
        lock (_device.Gate)
        {
            _xs.CopyFromCPU(xs);
            _ys.CopyFromCPU(ys);
            _attraction(n, _xs.View, _ys.View, _rowPointers.View, _columns.View, _probabilities.View, _outX.View, _outY.View);
            _device.Accelerator.Synchronize();
            _outX.CopyToCPU(_attractionX);
            _outY.CopyToCPU(_attractionY);
        }

        for (var i = 0; i < n; i++)
        {
            attraction[2 * i] = _attractionX[i];
            attraction[2 * i + 1] = _attractionY[i];
        }
    }

    public double Divergence(float[] xs, float[] ys, double exaggeration, double normaliser) =>
        _divergence.Divergence(xs, ys, exaggeration, normaliser);

    private static void RepulsionKernel(Index1D point, ArrayView<float> xs, ArrayView<float> ys, ArrayView<float> forceX, ArrayView<float> forceY, ArrayView<float> similarities, int n)
    {
        var xi = xs[point];
        var yi = ys[point];
        float similarity = 0f, rowX = 0f, rowY = 0f;
        for (var j = 0; j < n; j++)
        {
            if (j == point.X)
            {
                continue;
            }

            var dx = xi - xs[j];
            var dy = yi - ys[j];
            var q = 1f / (1f + dx * dx + dy * dy);
            var qq = q * q;
            similarity += q;
            rowX += qq * dx;
            rowY += qq * dy;
        }

        forceX[point] = rowX;
        forceY[point] = rowY;
        similarities[point] = similarity;
    }

    private static void AttractionKernel(Index1D point, ArrayView<float> xs, ArrayView<float> ys, ArrayView<int> rowPointers, ArrayView<int> columns, ArrayView<float> probabilities, ArrayView<float> attractionX, ArrayView<float> attractionY)
    {
        var xi = xs[point];
        var yi = ys[point];
        float rowX = 0f, rowY = 0f;
        for (var entry = rowPointers[point]; entry < rowPointers[point.X + 1]; entry++)
        {
            var j = columns[entry];
            var dx = xi - xs[j];
            var dy = yi - ys[j];
            var weight = probabilities[entry] / (1f + dx * dx + dy * dy);
            rowX += weight * dx;
            rowY += weight * dy;
        }

        attractionX[point] = rowX;
        attractionY[point] = rowY;
    }

    public void Dispose()
    {
        lock (_device.Gate)
        {
            _xs.Dispose();
            _ys.Dispose();
            _outX.Dispose();
            _outY.Dispose();
            _similarities.Dispose();
            _rowPointers.Dispose();
            _columns.Dispose();
            _probabilities.Dispose();
        }
    }
}
