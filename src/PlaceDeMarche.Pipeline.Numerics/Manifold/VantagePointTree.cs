using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// Exact k-nearest-neighbour search with a vantage-point tree (Yianilos 1993), as bhtsne and openTSNE use for t-SNE's
/// affinities. The tree is implicit in a permutation of the rows: the node over positions [lo, hi) has its vantage
/// point at lo, the points within its radius at [lo + 1, mid) and the others at [mid, hi); small ranges are scanned.
/// Rows are copied in tree order so that scans read contiguous memory. Queries run in parallel, each writing its own
/// row of the result, so the result does not depend on thread scheduling; ties are broken by row index, as a brute
/// force scan would.
/// </summary>
internal sealed class VantagePointTree
{
    private const int LeafSize = 24;
    private const int QueryChunk = 256;

    /// <summary>Relative slack on the triangle-inequality pruning, above float rounding of the distances.</summary>
    private const double PruningSlack = 1e-5;

    private readonly int _rows;
    private readonly int[] _order;

    /// <summary>The rows in tree order (position p holds row <c>_order[p]</c>).</summary>
    private readonly PaddedRows _points;
    private readonly double[] _radius;

    private VantagePointTree(int[] order, PaddedRows points, double[] radius)
    {
        _rows = points.Count;
        _order = order;
        _points = points;
        _radius = radius;
    }

    /// <summary>Builds the tree over the rows of <paramref name="data"/>; vantage points are drawn from a fixed stream.</summary>
    public static VantagePointTree Build(DenseMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.Rows;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var radius = new double[n];
        var scratch = new double[n];
        var random = Xoshiro256StarStar.ForStream(0, 0);
        var pending = new Stack<(int Lo, int Hi)>();
        pending.Push((0, n));
        while (pending.Count > 0)
        {
            var (lo, hi) = pending.Pop();
            if (hi - lo <= LeafSize)
            {
                continue;
            }

            var pick = lo + random.NextInt(hi - lo);
            (order[lo], order[pick]) = (order[pick], order[lo]);
            var vantage = data.Row(order[lo]);
            for (var p = lo + 1; p < hi; p++)
            {
                scratch[p] = Math.Sqrt(VectorKernels.SquaredDistance(vantage, data.Row(order[p])));
            }

            var mid = Middle(lo, hi);
            Select(scratch, order, lo + 1, hi, mid);
            radius[lo] = scratch[mid];
            pending.Push((mid, hi));
            pending.Push((lo + 1, mid));
        }

        return new VantagePointTree(order, new PaddedRows(data, order), radius);
    }

    /// <summary>
    /// The <paramref name="k"/> nearest other rows of every row, nearest first (ties by index), row-major n × k, with
    /// their squared euclidean distances.
    /// </summary>
    public (int[] Neighbours, double[] Distances) NearestNeighbours(int k)
    {
        if (k < 1 || k >= _rows)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Between 1 and {_rows - 1} neighbours can be found among {_rows} rows.");
        }

        var neighbours = new int[(long)_rows * k];
        var distances = new double[(long)_rows * k];
        var chunks = (_rows + QueryChunk - 1) / QueryChunk;
        Parallel.For(0, chunks, () => new NeighbourHeap(k), (chunk, _, heap) =>
        {
            // Queries in tree order: consecutive queries are near each other and visit the same nodes.
            var end = Math.Min(_rows, (chunk + 1) * QueryChunk);
            for (var position = chunk * QueryChunk; position < end; position++)
            {
                var query = _points[position];
                Search(query, _order[position], 0, _rows, heap);
                var row = _order[position];
                heap.DrainSorted(neighbours.AsSpan(row * k, k), distances.AsSpan(row * k, k));
            }

            return heap;
        }, _ => { });
        return (neighbours, distances);
    }

    private void Search(ReadOnlySpan<float> query, int self, int lo, int hi, NeighbourHeap heap)
    {
        while (true)
        {
            if (hi - lo <= LeafSize)
            {
                for (var p = lo; p < hi; p++)
                {
                    Consider(query, self, p, heap);
                }

                return;
            }

            var squared = Consider(query, self, lo, heap);
            var distance = Math.Sqrt(squared);
            var mid = Middle(lo, hi);
            var radius = _radius[lo];
            var bound = Math.Sqrt(heap.Bound);
            var slack = PruningSlack * (distance + radius);
            if (distance < radius)
            {
                // Inside first: the query's neighbours are most likely there.
                Search(query, self, lo + 1, mid, heap);
                bound = Math.Sqrt(heap.Bound);
                if (distance + bound + slack < radius)
                {
                    return;
                }

                lo = mid;
            }
            else
            {
                Search(query, self, mid, hi, heap);
                bound = Math.Sqrt(heap.Bound);
                if (distance - bound - slack > radius)
                {
                    return;
                }

                (lo, hi) = (lo + 1, mid);
            }
        }
    }

    /// <summary>Offers the point at tree position <paramref name="position"/>; returns its squared distance.</summary>
    private double Consider(ReadOnlySpan<float> query, int self, int position, NeighbourHeap heap)
    {
        var squared = VectorKernels.SquaredDistance(query, _points[position]);
        var row = _order[position];
        if (row != self)
        {
            heap.Offer(squared, row);
        }

        return squared;
    }

    private static int Middle(int lo, int hi) => lo + 1 + (hi - lo - 1) / 2;

    /// <summary>
    /// Reorders [lo, hi) of <paramref name="keys"/> (and <paramref name="items"/> alongside) so that position
    /// <paramref name="nth"/> holds the value it would hold sorted, smaller-or-equal keys before it, larger-or-equal after
    /// (Hoare quickselect, median-of-three pivots: deterministic).
    /// </summary>
    private static void Select(double[] keys, int[] items, int lo, int hi, int nth)
    {
        var left = lo;
        var right = hi - 1;
        while (right > left)
        {
            var middle = left + (right - left) / 2;
            var pivot = MedianOfThree(keys[left], keys[middle], keys[right]);
            int i = left, j = right;
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    (items[i], items[j]) = (items[j], items[i]);
                    i++;
                    j--;
                }
            }

            if (nth <= j)
            {
                right = j;
            }
            else if (nth >= i)
            {
                left = i;
            }
            else
            {
                return;
            }
        }
    }

    private static double MedianOfThree(double a, double b, double c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
