using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// The attractive half of t-SNE's gradient and the divergence, over the sparse P. Rows are padded to whole vectors
/// with zero-probability entries (column i itself), so the loop needs no scalar tail. Each row is summed on its own
/// in a fixed order, so running rows on several threads gives the same values as one thread.
/// </summary>
internal sealed class SparseAttraction
{
    private const int Lanes = 8;
    private const int ChunkRows = 2048;
    private const double MachineEpsilon = 2.220446049250313e-16;

    private readonly int n;
    private readonly int[] _rowStarts;
    private readonly int[] _columns;
    private readonly float[] _probabilities;

    public SparseAttraction(SparseRowMatrix joint)
    {
        n = joint.Rows;
        _rowStarts = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            var count = joint.RowPointers[i + 1] - joint.RowPointers[i];
            _rowStarts[i + 1] = _rowStarts[i] + (count + Lanes - 1) / Lanes * Lanes;
        }

        _columns = new int[_rowStarts[n]];
        _probabilities = new float[_rowStarts[n]];
        for (var i = 0; i < n; i++)
        {
            var (columns, values) = joint.Row(i);
            columns.CopyTo(_columns.AsSpan(_rowStarts[i]));
            values.CopyTo(_probabilities.AsSpan(_rowStarts[i]));
            _columns.AsSpan(_rowStarts[i] + columns.Length, _rowStarts[i + 1] - _rowStarts[i] - columns.Length).Fill(i);
        }
    }

    /// <summary>Σⱼ pᵢⱼqᵢⱼ(yᵢ − yⱼ) over each padded row of P into (x, y) pairs of <paramref name="attraction"/>, qᵢⱼ
    /// unnormalised; rows in parallel chunks when <paramref name="parallel"/>.</summary>
    public void Accumulate(float[] xs, float[] ys, double[] attraction, bool parallel)
    {
        var chunks = (n + ChunkRows - 1) / ChunkRows;
        if (!parallel || chunks == 1)
        {
            AccumulateRows(xs, ys, attraction, 0, n);
            return;
        }

        Parallel.For(0, chunks, chunk => AccumulateRows(xs, ys, attraction, chunk * ChunkRows, Math.Min(n, (chunk + 1) * ChunkRows)));
    }

    private void AccumulateRows(float[] xs, float[] ys, double[] attraction, int first, int end)
    {
        ref var columns = ref MemoryMarshal.GetArrayDataReference(_columns);
        ref var probabilities = ref MemoryMarshal.GetArrayDataReference(_probabilities);
        var one = Vector256<float>.One;
        for (var i = first; i < end; i++)
        {
            var broadcastX = Vector256.Create(xs[i]);
            var broadcastY = Vector256.Create(ys[i]);
            Vector256<float> rowX = default, rowY = default;
            for (var e = _rowStarts[i]; e < _rowStarts[i + 1]; e += Lanes)
            {
                ref var neighbours = ref Unsafe.Add(ref columns, e);
                var dx = broadcastX - Gather(xs, ref neighbours);
                var dy = broadcastY - Gather(ys, ref neighbours);
                var weight = Vector256.LoadUnsafe(ref probabilities, (nuint)e) / (one + dx * dx + dy * dy);
                rowX += weight * dx;
                rowY += weight * dy;
            }

            attraction[2 * i] = VectorKernels.HorizontalSum(rowX);
            attraction[2 * i + 1] = VectorKernels.HorizontalSum(rowY);
        }
    }

    /// <summary>The eight values at the indices starting at <paramref name="indices"/> (all valid rows).</summary>
    private static Vector256<float> Gather(float[] values, ref int indices) =>
        Vector256.Create(
            values[indices], values[Unsafe.Add(ref indices, 1)], values[Unsafe.Add(ref indices, 2)],
            values[Unsafe.Add(ref indices, 3)], values[Unsafe.Add(ref indices, 4)], values[Unsafe.Add(ref indices, 5)],
            values[Unsafe.Add(ref indices, 6)], values[Unsafe.Add(ref indices, 7)]);

    /// <summary>
    /// Σᵢ≠ⱼ p′ᵢⱼ log(p′ᵢⱼ / max(qᵢⱼ / Z, ε)) with p′ = exaggeration × p, as scikit-learn reports it; pairs outside
    /// the neighbourhoods (and the padding) have p = 0 and add nothing.
    /// </summary>
    public double Divergence(float[] xs, float[] ys, double exaggeration, double normaliser)
    {
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var e = _rowStarts[i]; e < _rowStarts[i + 1]; e++)
            {
                var p = exaggeration * _probabilities[e];
                if (p > 0)
                {
                    double dx = xs[i] - xs[_columns[e]], dy = ys[i] - ys[_columns[e]];
                    var q = Math.Max(1.0 / (1.0 + dx * dx + dy * dy) / normaliser, MachineEpsilon);
                    total += p * Math.Log(p / q);
                }
            }
        }

        return total;
    }
}
