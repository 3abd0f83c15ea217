using System.Runtime.CompilerServices;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// t-SNE's input affinities P restricted to nearest neighbours, as scikit-learn's Barnes-Hut method and openTSNE
/// build them: each point's k = min(n − 1, ⌊3 × perplexity⌋ + 1) nearest neighbours get perplexity-calibrated
/// conditional probabilities, then P = (C + Cᵀ) / Σ(C + Cᵀ). Pairs outside every neighbourhood carry a negligible
/// Gaussian weight and are left out, which makes the attractive force O(n k) instead of O(n²). The O(n²) setup runs
/// once per fit, too few calls for tiered JIT to optimise it, hence AggressiveOptimization.
/// </summary>
internal static class NeighbourAffinities
{
    /// <summary>Neighbours per point for a perplexity, capped by the other points available.</summary>
    public static int NeighbourCount(double perplexity, int rows) => Math.Min(rows - 1, (int)(3.0 * perplexity) + 1);

    /// <summary>The k = <see cref="NeighbourCount"/> nearest neighbours of every row, found by <paramref name="search"/>.</summary>
    public static NeighbourGraph FindNeighbours(DenseMatrix data, double perplexity, NeighbourSearch search)
    {
        var n = data.Rows;
        var k = NeighbourCount(perplexity, n);
        return search switch
        {
            NeighbourSearch.Approximate => ApproximateNeighbourSearch.NearestNeighbours(data, k),
            NeighbourSearch.VantagePointTree => Exact(VantagePointTree.Build(data).NearestNeighbours(k)),
            NeighbourSearch.TiledScan => Exact(TiledNeighbourSearch.NearestNeighbours(data, k)),
            _ => Exact(NearestNeighbours(PairwiseDistances.SquaredEuclidean(data), n, k)),
        };

        NeighbourGraph Exact((int[] Neighbours, double[] Distances) found) => new(k, found.Neighbours, found.Distances, Recall: 1.0);
    }

    /// <summary>The symmetric joint probabilities pᵢⱼ (n × n, summing to 1), zero outside the neighbourhoods.</summary>
    public static SparseRowMatrix JointProbabilities(DenseMatrix data, double perplexity, NeighbourSearch search) =>
        JointProbabilities(FindNeighbours(data, perplexity, search), perplexity);

    /// <summary>The symmetric joint probabilities pᵢⱼ over the neighbour lists of <paramref name="graph"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SparseRowMatrix JointProbabilities(NeighbourGraph graph, double perplexity)
    {
        var (n, k, neighbours, distances) = (graph.Rows, graph.K, graph.Neighbours, graph.Distances);
        var conditional = PerplexityCalibration.ConditionalProbabilities(distances, n, k, perplexity);

        // Each conditional entry c(j|i) goes to cell (i, j) and to cell (j, i); duplicates (i and j in each other's
        // neighbourhoods) are merged below.
        var rowPointers = new int[n + 1];
        for (var e = 0; e < neighbours.Length; e++)
        {
            rowPointers[e / k + 1]++;
            rowPointers[neighbours[e] + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            rowPointers[i + 1] += rowPointers[i];
        }

        var columns = new int[2 * n * k];
        var values = new double[2 * n * k];
        var filled = rowPointers[..n];
        var total = 0.0;
        for (var e = 0; e < neighbours.Length; e++)
        {
            int i = e / k, j = neighbours[e];
            var slot = filled[i]++;
            columns[slot] = j;
            values[slot] = conditional[e];
            slot = filled[j]++;
            columns[slot] = i;
            values[slot] = conditional[e];
            total += conditional[e];
        }

        // Σ(C + Cᵀ) = 2 Σ C.
        total = Math.Max(2.0 * total, double.Epsilon);
        return Merge(n, rowPointers, columns, values, total);
    }

    /// <summary>Sorts each row by column, sums entries of the same pair and divides by <paramref name="total"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SparseRowMatrix Merge(int n, int[] rowPointers, int[] columns, double[] values, double total)
    {
        var mergedPointers = new int[n + 1];
        var mergedColumns = new List<int>(columns.Length);
        var mergedValues = new List<float>(columns.Length);
        for (var i = 0; i < n; i++)
        {
            var start = rowPointers[i];
            var length = rowPointers[i + 1] - start;
            columns.AsSpan(start, length).Sort(values.AsSpan(start, length));
            for (var e = start; e < start + length; e++)
            {
                var value = values[e];
                while (e + 1 < start + length && columns[e + 1] == columns[e])
                {
                    value += values[++e];
                }

                mergedColumns.Add(columns[e]);
                mergedValues.Add((float)(value / total));
            }

            mergedPointers[i + 1] = mergedColumns.Count;
        }

        return new SparseRowMatrix(n, n, mergedPointers, [.. mergedColumns], [.. mergedValues]);
    }

    /// <summary>
    /// The <paramref name="k"/> nearest other points of each row (ties broken by index) and their squared distances,
    /// row-major in heap order; a bounded max-heap keeps the selection O(n log k) per row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] Neighbours, double[] Distances) NearestNeighbours(double[] squaredDistances, int n, int k)
    {
        var neighbours = new int[n * k];
        var distances = new double[n * k];
        var heap = new int[k];
        for (var i = 0; i < n; i++)
        {
            var row = squaredDistances.AsSpan(i * n, n);
            var size = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                if (size < k)
                {
                    heap[size] = j;
                    SiftUp(heap, size++, row);
                }
                else if (Closer(j, heap[0], row))
                {
                    heap[0] = j;
                    SiftDown(heap, size, row);
                }
            }

            heap.CopyTo(neighbours, i * k);
            for (var e = 0; e < k; e++)
            {
                distances[i * k + e] = row[heap[e]];
            }
        }

        return (neighbours, distances);
    }

    private static bool Closer(int a, int b, ReadOnlySpan<double> row) => row[a] < row[b] || (row[a] == row[b] && a < b);

    private static void SiftUp(int[] heap, int index, ReadOnlySpan<double> row)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Closer(heap[parent], heap[index], row))
            {
                return;
            }

            (heap[parent], heap[index]) = (heap[index], heap[parent]);
            index = parent;
        }
    }

    private static void SiftDown(int[] heap, int size, ReadOnlySpan<double> row)
    {
        var index = 0;
        while (true)
        {
            int farthest = index, left = 2 * index + 1, right = left + 1;
            if (left < size && Closer(heap[farthest], heap[left], row))
            {
                farthest = left;
            }

            if (right < size && Closer(heap[farthest], heap[right], row))
            {
                farthest = right;
            }

            if (farthest == index)
            {
                return;
            }

            (heap[farthest], heap[index]) = (heap[index], heap[farthest]);
            index = farthest;
        }
    }
}
