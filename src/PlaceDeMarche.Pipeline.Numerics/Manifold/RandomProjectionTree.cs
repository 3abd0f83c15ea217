using System.Numerics.Tensors;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// One random-projection tree (Dasgupta &amp; Freund 2008, as Annoy and pynndescent use them to seed a neighbour
/// graph): each node projects its points on the direction between two of them drawn at random and splits them at the
/// median, until a node holds at most the leaf size. Points in the same leaf are likely near each other. The tree is
/// kept as a permutation of the rows in which every leaf is a contiguous range.
/// </summary>
internal sealed class RandomProjectionTree
{
    private RandomProjectionTree(int[] order, int[] leafStarts)
    {
        Order = order;
        LeafStarts = leafStarts;
    }

    /// <summary>The rows, leaf after leaf.</summary>
    public int[] Order { get; }

    /// <summary>Where each leaf starts in <see cref="Order"/>, then the number of rows.</summary>
    public int[] LeafStarts { get; }

    public int LeafCount => LeafStarts.Length - 1;

    public ReadOnlySpan<int> Leaf(int leaf) => Order.AsSpan(LeafStarts[leaf], LeafStarts[leaf + 1] - LeafStarts[leaf]);

    /// <summary>Splits the rows until every leaf holds at most <paramref name="leafSize"/> of them (and, the splits
    /// being at the median, at least half as many); the directions are drawn from <paramref name="random"/>.</summary>
    public static RandomProjectionTree Build(PaddedRows rows, int leafSize, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(leafSize, 2);
        var n = rows.Count;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = new float[n];
        var direction = new float[rows.Stride];
        var leafStarts = new List<int>();

        // Depth first, the left half popped first, so leaves come out in the order of their ranges.
        var pending = new Stack<(int Lo, int Hi)>();
        pending.Push((0, n));
        while (pending.Count > 0)
        {
            var (lo, hi) = pending.Pop();
            var size = hi - lo;
            if (size <= leafSize)
            {
                leafStarts.Add(lo);
                continue;
            }

            var first = lo + random.NextInt(size);
            var second = lo + random.NextInt(size - 1);
            second += second >= first ? 1 : 0;
            TensorPrimitives.Subtract(rows[order[first]], rows[order[second]], direction);
            for (var p = lo; p < hi; p++)
            {
                keys[p] = TensorPrimitives.Dot(rows[order[p]], direction);
            }

            // Sorting by the projection puts the median at the middle; equal projections (e.g. duplicate rows) keep
            // the sort's deterministic order, so the split is always balanced.
            keys.AsSpan(lo, size).Sort(order.AsSpan(lo, size));
            var mid = lo + size / 2;
            pending.Push((mid, hi));
            pending.Push((lo, mid));
        }

        leafStarts.Add(n);
        return new RandomProjectionTree(order, [.. leafStarts]);
    }
}
