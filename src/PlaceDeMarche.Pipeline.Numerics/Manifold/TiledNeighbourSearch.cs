using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// Exact k-nearest neighbours by a scan of all pairs, for dimensions where trees cannot prune (on the PCA-50 input of
/// t-SNE a vantage-point tree ends up visiting nearly every point). Candidates are stored in panels of eight, feature
/// by feature, so four queries meet eight candidates in four vector accumulators without horizontal sums; the
/// distance ‖q‖² + ‖c‖² − 2 q·c only filters, with a margin above its float rounding, and every candidate that passes
/// is measured with the same padded-row arithmetic as <see cref="VantagePointTree"/>, so both give the same neighbours
/// (ties by index). Queries run in parallel, each writing its own row of the result.
/// </summary>
internal static class TiledNeighbourSearch
{
    private const int Lanes = 8;
    private const int QueriesPerPass = 4;
    private const int QueryChunk = 64;

    /// <summary>Relative margin on the filter, far above the float rounding of ‖q‖² + ‖c‖² − 2 q·c.</summary>
    private const float FilterMargin = 1e-4f;

    public static (int[] Neighbours, double[] Distances) NearestNeighbours(DenseMatrix data, int k)
    {
        ArgumentNullException.ThrowIfNull(data);
        var everyRow = new int[data.Rows];
        for (var i = 0; i < everyRow.Length; i++)
        {
            everyRow[i] = i;
        }

        return NearestNeighbours(data, k, everyRow);
    }

    /// <summary>The <paramref name="k"/> nearest other rows of each row listed in <paramref name="queries"/>, in that
    /// order, nearest first (ties by index): one row of k per query.</summary>
    public static (int[] Neighbours, double[] Distances) NearestNeighbours(DenseMatrix data, int k, int[] queries)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(queries);
        int n = data.Rows, d = data.Columns;
        if (k < 1 || k >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Between 1 and {n - 1} neighbours can be found among {n} rows.");
        }

        var rows = new PaddedRows(data);
        var panelCount = (n + Lanes - 1) / Lanes;
        var panels = new float[(long)panelCount * d * Lanes];
        var norms = new float[panelCount * Lanes];
        Array.Fill(norms, float.PositiveInfinity);
        var origin = new float[d];
        for (var i = 0; i < n; i++)
        {
            var row = data.Row(i);
            norms[i] = (float)VectorKernels.SquaredDistance(row, origin);
            for (var j = 0; j < d; j++)
            {
                panels[(i / Lanes * d + j) * Lanes + i % Lanes] = row[j];
            }
        }

        var neighbours = new int[(long)queries.Length * k];
        var distances = new double[(long)queries.Length * k];
        var chunks = (queries.Length + QueryChunk - 1) / QueryChunk;
        Parallel.For(0, chunks, () => CreateHeaps(k), (chunk, _, heaps) =>
        {
            var end = Math.Min(queries.Length, (chunk + 1) * QueryChunk);
            for (var first = chunk * QueryChunk; first < end; first += QueriesPerPass)
            {
                var count = Math.Min(QueriesPerPass, end - first);
                Scan(data, rows, panels, norms, panelCount, queries.AsSpan(first, count), heaps);
                for (var q = 0; q < count; q++)
                {
                    var slot = first + q;
                    heaps[q].DrainSorted(neighbours.AsSpan(slot * k, k), distances.AsSpan(slot * k, k));
                }
            }

            return heaps;
        }, _ => { });
        return (neighbours, distances);
    }

    private static NeighbourHeap[] CreateHeaps(int k)
    {
        var heaps = new NeighbourHeap[QueriesPerPass];
        for (var q = 0; q < heaps.Length; q++)
        {
            heaps[q] = new NeighbourHeap(k);
        }

        return heaps;
    }

    /// <summary>Offers every candidate that can be among the nearest of up to four <paramref name="queries"/> (a short
    /// group repeats its last query, whose extra results are ignored).</summary>
    private static void Scan(
        DenseMatrix data, PaddedRows rows, float[] panels, float[] norms, int panelCount, ReadOnlySpan<int> queries, NeighbourHeap[] heaps)
    {
        var d = data.Columns;
        var count = queries.Length;
        int q0 = queries[0], q1 = queries[Math.Min(1, count - 1)], q2 = queries[Math.Min(2, count - 1)], q3 = queries[Math.Min(3, count - 1)];
        var query0 = data.Row(q0);
        var query1 = data.Row(q1);
        var query2 = data.Row(q2);
        var query3 = data.Row(q3);
        ref var panel = ref MemoryMarshal.GetArrayDataReference(panels);
        var two = Vector256.Create(2f);
        var margin = Vector256.Create(FilterMargin);
        for (var p = 0; p < panelCount; p++)
        {
            Vector256<float> dot0 = default, dot1 = default, dot2 = default, dot3 = default;
            var offset = (nuint)((long)p * d * Lanes);
            for (var j = 0; j < d; j++)
            {
                var candidates = Vector256.LoadUnsafe(ref panel, offset + (nuint)(j * Lanes));
                dot0 += Vector256.Create(query0[j]) * candidates;
                dot1 += Vector256.Create(query1[j]) * candidates;
                dot2 += Vector256.Create(query2[j]) * candidates;
                dot3 += Vector256.Create(query3[j]) * candidates;
            }

            var candidateNorms = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(norms), (nuint)(p * Lanes));
            Filter(0, q0, dot0);
            if (count > 1)
            {
                Filter(1, q1, dot1);
            }

            if (count > 2)
            {
                Filter(2, q2, dot2);
            }

            if (count > 3)
            {
                Filter(3, q3, dot3);
            }

            void Filter(int slot, int query, Vector256<float> dot)
            {
                var queryNorm = Vector256.Create(norms[query]);
                var estimate = queryNorm + candidateNorms - two * dot;
                var bound = (float)heaps[slot].Bound;
                var limit = Vector256.Create(bound) + margin * (queryNorm + candidateNorms + Vector256.Create(bound));
                var passing = Vector256.LessThanOrEqual(estimate, limit).ExtractMostSignificantBits();
                while (passing != 0)
                {
                    var lane = System.Numerics.BitOperations.TrailingZeroCount(passing);
                    passing &= passing - 1;
                    var candidate = p * Lanes + lane;
                    if (candidate != query && candidate < data.Rows)
                    {
                        heaps[slot].Offer(rows.SquaredDistance(query, candidate), candidate);
                    }
                }
            }
        }
    }
}
