using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// Approximate k-nearest neighbours for inputs too large for an exact all-pairs scan (O(n²·d): about half an hour
/// for a million 50-d rows on two cores). A forest of <see cref="RandomProjectionTree"/>s proposes each point's
/// leaf-mates; then rounds of neighbour-of-neighbour refinement (the local join of NN-descent, Dong et al. 2011, as
/// pynndescent and openTSNE use it) offer each point the nearest neighbours of its neighbours. Every candidate is
/// measured exactly on the <see cref="PaddedRows"/>, so the result is a subset of true distances, and its recall
/// against the exact search is estimated on a fixed sample of rows. Seeded and deterministic: trees come from fixed
/// streams, leaves are disjoint within a tree, and a refinement round reads only the previous round's lists; each
/// point keeps the k best (distance, index) pairs, which does not depend on the order candidates arrive in.
/// </summary>
internal static class ApproximateNeighbourSearch
{
    // Forest and rounds measured on 100,000 PCA-50 rows of the benchmark blobs (k = 91), recall / affinities seconds:
    // 8 trees + 2 rounds 0.735 / 13.8; 16 + 2: 0.808 / 13.8; 32 + 2: 0.870 / 19.4; 8 trees + 2 rounds of 32: 0.857 /
    // 23.1; the exact tiled scan: 1 / 23.2. Trees are the cheaper way to recall; the rounds fix what they miss.

    /// <summary>Trees in the forest.</summary>
    internal const int TreeCount = 32;

    /// <summary>Refinement rounds after the forest.</summary>
    internal const int RefinementRounds = 2;

    /// <summary>Of each neighbour's list, how many of its nearest a refinement round offers to the point.</summary>
    internal const int ExploredPerNeighbour = 16;

    /// <summary>Rows whose exact neighbours are computed to estimate the recall.</summary>
    internal const int RecallSampleSize = 1000;

    private const int MinLeafSize = 64;
    private const int RowChunk = 256;

    public static NeighbourGraph NearestNeighbours(DenseMatrix data, int k)
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.Rows;
        if (k < 1 || k >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Between 1 and {n - 1} neighbours can be found among {n} rows.");
        }

        var rows = new PaddedRows(data);

        // Median splits leave at least leafSize / 2 ≥ k + 1 rows in a leaf: every point sees k others in each tree.
        var leafSize = Math.Max(MinLeafSize, 2 * k + 2);
        var forest = new RandomProjectionTree[TreeCount];
        Parallel.For(0, TreeCount, t => forest[t] = RandomProjectionTree.Build(rows, leafSize, Xoshiro256StarStar.ForStream(0, t)));

        var heapDistances = new double[(long)n * k];
        var heapIndices = new int[(long)n * k];
        Array.Fill(heapDistances, double.PositiveInfinity);
        Array.Fill(heapIndices, int.MaxValue);
        foreach (var tree in forest)
        {
            // Within a tree the leaves are disjoint, so each point's heap is written by one leaf only.
            Parallel.For(0, tree.LeafCount, leaf => OfferLeafPairs(rows, tree.Leaf(leaf), heapDistances, heapIndices, k));
        }

        var neighbours = new int[(long)n * k];
        var distances = new double[(long)n * k];
        DrainAll(heapDistances, heapIndices, neighbours, distances, k);
        for (var round = 0; round < RefinementRounds; round++)
        {
            Refine(rows, neighbours, distances, heapDistances, heapIndices, k);
            DrainAll(heapDistances, heapIndices, neighbours, distances, k);
        }

        return new NeighbourGraph(k, neighbours, distances, EstimateRecall(data, neighbours, k));
    }

    /// <summary>Offers every pair of a leaf to both of its points (the distance is symmetric, measured once).</summary>
    private static void OfferLeafPairs(PaddedRows rows, ReadOnlySpan<int> leaf, double[] heapDistances, int[] heapIndices, int k)
    {
        for (var a = 0; a < leaf.Length; a++)
        {
            for (var b = a + 1; b < leaf.Length; b++)
            {
                var distance = rows.SquaredDistance(leaf[a], leaf[b]);
                Offer(heapDistances, heapIndices, k, leaf[a], leaf[b], distance);
                Offer(heapDistances, heapIndices, k, leaf[b], leaf[a], distance);
            }
        }
    }

    /// <summary>One local join: each point's heap starts from its current list and is offered the first
    /// <see cref="ExploredPerNeighbour"/> neighbours of each of its neighbours, each new candidate measured once.</summary>
    private static void Refine(PaddedRows rows, int[] neighbours, double[] neighbourDistances, double[] heapDistances, int[] heapIndices, int k)
    {
        var n = rows.Count;
        var explored = Math.Min(ExploredPerNeighbour, k);
        var chunks = (n + RowChunk - 1) / RowChunk;
        Parallel.For(0, chunks, () => new CandidateMarks(n), (chunk, _, marks) =>
        {
            var end = Math.Min(n, (chunk + 1) * RowChunk);
            for (var i = chunk * RowChunk; i < end; i++)
            {
                marks.Next();
                marks.TryMark(i);
                var current = neighbours.AsSpan(i * k, k);
                var currentDistances = neighbourDistances.AsSpan(i * k, k);
                var distances = heapDistances.AsSpan(i * k, k);
                var indices = heapIndices.AsSpan(i * k, k);
                distances.Fill(double.PositiveInfinity);
                indices.Fill(int.MaxValue);
                for (var e = 0; e < k; e++)
                {
                    marks.TryMark(current[e]);
                    NeighbourHeap.SiftDown(distances, indices, currentDistances[e], current[e], k);
                }

                foreach (var j in current)
                {
                    foreach (var candidate in neighbours.AsSpan(j * k, explored))
                    {
                        if (marks.TryMark(candidate))
                        {
                            var distance = rows.SquaredDistance(i, candidate);
                            if (NeighbourHeap.Before(distance, candidate, distances[0], indices[0]))
                            {
                                NeighbourHeap.SiftDown(distances, indices, distance, candidate, k);
                            }
                        }
                    }
                }
            }

            return marks;
        }, _ => { });
    }

    /// <summary>Keeps <paramref name="candidate"/> in the full max-heap of <paramref name="point"/> if it beats the
    /// farthest kept and is not kept already.</summary>
    private static void Offer(double[] heapDistances, int[] heapIndices, int k, int point, int candidate, double distance)
    {
        var distances = heapDistances.AsSpan(point * k, k);
        var indices = heapIndices.AsSpan(point * k, k);
        if (NeighbourHeap.Before(distance, candidate, distances[0], indices[0]) && !indices.Contains(candidate))
        {
            NeighbourHeap.SiftDown(distances, indices, distance, candidate, k);
        }
    }

    /// <summary>Writes every point's heap nearest first into the lists (the heaps are left destroyed).</summary>
    private static void DrainAll(double[] heapDistances, int[] heapIndices, int[] neighbours, double[] distances, int k)
    {
        var n = neighbours.Length / k;
        Parallel.For(0, (n + RowChunk - 1) / RowChunk, chunk =>
        {
            for (var i = chunk * RowChunk; i < Math.Min(n, (chunk + 1) * RowChunk); i++)
            {
                NeighbourHeap.DrainSorted(
                    heapDistances.AsSpan(i * k, k), heapIndices.AsSpan(i * k, k), k, neighbours.AsSpan(i * k, k), distances.AsSpan(i * k, k));
            }
        });
    }

    /// <summary>The share of the exact k nearest neighbours found, over <see cref="RecallSampleSize"/> rows drawn
    /// from a fixed stream (every row when there are fewer).</summary>
    private static double EstimateRecall(DenseMatrix data, int[] neighbours, int k)
    {
        var n = data.Rows;
        var sample = new int[n];
        for (var i = 0; i < n; i++)
        {
            sample[i] = i;
        }

        if (n > RecallSampleSize)
        {
            var random = Xoshiro256StarStar.ForStream(0, TreeCount);
            for (var i = 0; i < RecallSampleSize; i++)
            {
                var pick = i + random.NextInt(n - i);
                (sample[i], sample[pick]) = (sample[pick], sample[i]);
            }

            sample = sample[..RecallSampleSize];
        }

        var (exact, _) = TiledNeighbourSearch.NearestNeighbours(data, k, sample);
        long found = 0;
        for (var s = 0; s < sample.Length; s++)
        {
            var approximate = neighbours.AsSpan(sample[s] * k, k);
            foreach (var neighbour in exact.AsSpan(s * k, k))
            {
                found += approximate.Contains(neighbour) ? 1 : 0;
            }
        }

        return (double)found / ((long)sample.Length * k);
    }
}
