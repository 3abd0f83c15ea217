using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// The CPU implementation of <see cref="ITSneGradientKernels"/>: a vectorised single pass over the n(n − 1)/2 pairs
/// (single-threaded with a fixed summation order; the scoring protocol runs its seeds in parallel instead) and
/// <see cref="SparseAttraction"/> for the attraction, its rows in parallel chunks when asked.
/// </summary>
internal sealed class CpuTSneGradientKernels(SparseRowMatrix joint, bool parallel) : ITSneGradientKernels
{
    private const int Lanes = 8;

    private readonly SparseAttraction _attraction = new(joint);

    /// <summary>
    /// Visits each pair once: row i's share stays in registers while pair (i, j)'s opposite share is added to j's
    /// entry. Each row is summed in float lanes and the rows in double, in index order; Z = 2 Σᵢ&lt;ⱼ qᵢⱼ.
    /// </summary>
    public double Repulsion(float[] positionsX, float[] positionsY, float[] repulsionX, float[] repulsionY)
    {
        Array.Clear(repulsionX);
        Array.Clear(repulsionY);
        var n = positionsX.Length;
        ref var xs = ref MemoryMarshal.GetArrayDataReference(positionsX);
        ref var ys = ref MemoryMarshal.GetArrayDataReference(positionsY);
        ref var forceX = ref MemoryMarshal.GetArrayDataReference(repulsionX);
        ref var forceY = ref MemoryMarshal.GetArrayDataReference(repulsionY);
        var one = Vector256<float>.One;
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var xi = positionsX[i];
            var yi = positionsY[i];
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
                var dx = xi - positionsX[j];
                var dy = yi - positionsY[j];
                var q = 1f / (1f + dx * dx + dy * dy);
                var qq = q * q;
                similarityTail += q;
                rowXTail += qq * dx;
                rowYTail += qq * dy;
                repulsionX[j] -= qq * dx;
                repulsionY[j] -= qq * dy;
            }

            total += (double)VectorKernels.HorizontalSum(similarity) + similarityTail;
            repulsionX[i] += VectorKernels.HorizontalSum(rowX) + rowXTail;
            repulsionY[i] += VectorKernels.HorizontalSum(rowY) + rowYTail;
        }

        return 2.0 * total;
    }

    public void Attraction(float[] xs, float[] ys, double[] attraction) => _attraction.Accumulate(xs, ys, attraction, parallel);

    public double Divergence(float[] xs, float[] ys, double exaggeration, double normaliser) =>
        _attraction.Divergence(xs, ys, exaggeration, normaliser);

    public void Dispose()
    {
    }
}
