using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// KL(P‖Q) and its gradient with the repulsion summed over all pairs: at n ≈ 1000 one vectorised pass over the
/// n(n − 1)/2 pairs is cheaper than a space-partitioning tree. The repulsion visits each pair once: row i's share stays
/// in registers while pair (i, j)'s opposite share is added to j's entry. Single-threaded with a fixed summation
/// order, so the scoring protocol runs its seeds in parallel instead.
/// </summary>
internal sealed class ExactGradient : ITSneGradient
{
    private const int Lanes = 8;

    private readonly int n;
    private readonly SparseAttraction _attractionTerms;
    private readonly float[] _xs;
    private readonly float[] _ys;
    private readonly float[] _repulsionX;
    private readonly float[] _repulsionY;
    private readonly double[] _attraction;

    public ExactGradient(SparseRowMatrix joint)
    {
        n = joint.Rows;
        _attractionTerms = new SparseAttraction(joint);
        _xs = new float[n];
        _ys = new float[n];
        _repulsionX = new float[n];
        _repulsionY = new float[n];
        _attraction = new double[2 * n];
    }

    public double Evaluate(double[] positions, double exaggeration, double[] gradient, bool computeDivergence)
    {
        for (var i = 0; i < n; i++)
        {
            _xs[i] = (float)positions[2 * i];
            _ys[i] = (float)positions[2 * i + 1];
        }

        // Z = Σᵢ≠ⱼ (1 + ‖yᵢ − yⱼ‖²)⁻¹ = 2 Σᵢ&lt;ⱼ.
        var normaliser = 2.0 * AccumulateRepulsion();
        _attractionTerms.Accumulate(_xs, _ys, _attraction, parallel: false);
        for (var i = 0; i < n; i++)
        {
            gradient[2 * i] = 4.0 * (exaggeration * _attraction[2 * i] - _repulsionX[i] / normaliser);
            gradient[2 * i + 1] = 4.0 * (exaggeration * _attraction[2 * i + 1] - _repulsionY[i] / normaliser);
        }

        return computeDivergence ? _attractionTerms.Divergence(_xs, _ys, exaggeration, normaliser) : double.NaN;
    }

    /// <summary>
    /// Σⱼ≠ᵢ qᵢⱼ²(yᵢ − yⱼ) into the repulsion arrays with qᵢⱼ unnormalised; returns Σᵢ&lt;ⱼ qᵢⱼ, each row summed in
    /// float lanes and the rows in double, in index order.
    /// </summary>
    private double AccumulateRepulsion()
    {
        Array.Clear(_repulsionX);
        Array.Clear(_repulsionY);
        ref var xs = ref MemoryMarshal.GetArrayDataReference(_xs);
        ref var ys = ref MemoryMarshal.GetArrayDataReference(_ys);
        ref var forceX = ref MemoryMarshal.GetArrayDataReference(_repulsionX);
        ref var forceY = ref MemoryMarshal.GetArrayDataReference(_repulsionY);
        var one = Vector256<float>.One;
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var xi = _xs[i];
            var yi = _ys[i];
            var broadcastX = Vector256.Create(xi);
            var broadcastY = Vector256.Create(yi);
            Vector256<float> similarity = default, rowX = default, rowY = default;
            Vector256<float> similarity2 = default, rowX2 = default, rowY2 = default;
            var j = i + 1;
            // Two independent accumulator sets halve the loop-carried add chains (the loop is latency-bound).
            for (; j <= n - 2 * Lanes; j += 2 * Lanes)
            {
                var offset = (nuint)j;
                var offset2 = offset + Lanes;
                var dx = broadcastX - Vector256.LoadUnsafe(ref xs, offset);
                var dy = broadcastY - Vector256.LoadUnsafe(ref ys, offset);
                var dx2 = broadcastX - Vector256.LoadUnsafe(ref xs, offset2);
                var dy2 = broadcastY - Vector256.LoadUnsafe(ref ys, offset2);
                var q = one / (one + dx * dx + dy * dy);
                var q2 = one / (one + dx2 * dx2 + dy2 * dy2);
                var qq = q * q;
                var qq2 = q2 * q2;
                var fx = qq * dx;
                var fy = qq * dy;
                var fx2 = qq2 * dx2;
                var fy2 = qq2 * dy2;
                similarity += q;
                rowX += fx;
                rowY += fy;
                similarity2 += q2;
                rowX2 += fx2;
                rowY2 += fy2;
                (Vector256.LoadUnsafe(ref forceX, offset) - fx).StoreUnsafe(ref forceX, offset);
                (Vector256.LoadUnsafe(ref forceY, offset) - fy).StoreUnsafe(ref forceY, offset);
                (Vector256.LoadUnsafe(ref forceX, offset2) - fx2).StoreUnsafe(ref forceX, offset2);
                (Vector256.LoadUnsafe(ref forceY, offset2) - fy2).StoreUnsafe(ref forceY, offset2);
            }

            similarity += similarity2;
            rowX += rowX2;
            rowY += rowY2;
            for (; j <= n - Lanes; j += Lanes)
            {
                var offset = (nuint)j;
                var dx = broadcastX - Vector256.LoadUnsafe(ref xs, offset);
                var dy = broadcastY - Vector256.LoadUnsafe(ref ys, offset);
                var q = one / (one + dx * dx + dy * dy);
                var qq = q * q;
                var fx = qq * dx;
                var fy = qq * dy;
                similarity += q;
                rowX += fx;
                rowY += fy;
                (Vector256.LoadUnsafe(ref forceX, offset) - fx).StoreUnsafe(ref forceX, offset);
                (Vector256.LoadUnsafe(ref forceY, offset) - fy).StoreUnsafe(ref forceY, offset);
            }

            float similarityTail = 0, rowXTail = 0, rowYTail = 0;
            for (; j < n; j++)
            {
                var dx = xi - _xs[j];
                var dy = yi - _ys[j];
                var q = 1f / (1f + dx * dx + dy * dy);
                var qq = q * q;
                similarityTail += q;
                rowXTail += qq * dx;
                rowYTail += qq * dy;
                _repulsionX[j] -= qq * dx;
                _repulsionY[j] -= qq * dy;
            }

            total += (double)VectorKernels.HorizontalSum(similarity) + similarityTail;
            _repulsionX[i] += VectorKernels.HorizontalSum(rowX) + rowXTail;
            _repulsionY[i] += VectorKernels.HorizontalSum(rowY) + rowYTail;
        }

        return total;
    }
}
