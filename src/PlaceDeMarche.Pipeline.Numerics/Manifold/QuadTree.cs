namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// A quadtree over 2-D points for t-SNE's Barnes-Hut repulsion (van der Maaten 2014). Built by recursive partition of
/// a permutation of the points (no per-point insertion), each node keeps its point count, centre of mass and side;
/// leaves hold up to <see cref="LeafCapacity"/> points, which share one walk of the tree. The arrays are kept
/// between iterations, so rebuilding allocates nothing once they have grown.
/// </summary>
internal sealed class QuadTree
{
    private const int LeafCapacity = 16;

    /// <summary>Below this depth cells are narrower than any float gap: the remaining points are (nearly) equal.</summary>
    internal const int MaxDepth = 48;

    private const int LeafChunk = 64;

    private readonly int _points;
    private readonly int[] _order;
    private readonly int[] _scratch;
    private readonly double[] _sorted;
    private QuadTreeNode[] _tree = new QuadTreeNode[64];
    private int[] _leaves = new int[64];
    private int _nodes;
    private int _leafCount;

    public QuadTree(int points)
    {
        _points = points;
        _order = new int[points];
        _scratch = new int[points];
        _sorted = new double[2 * points];
    }

    /// <summary>Rebuilds the tree over <paramref name="positions"/> (x₀, y₀, x₁, y₁, …).</summary>
    public void Build(double[] positions)
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (var i = 0; i < _points; i++)
        {
            _order[i] = i;
            minX = Math.Min(minX, positions[2 * i]);
            maxX = Math.Max(maxX, positions[2 * i]);
            minY = Math.Min(minY, positions[2 * i + 1]);
            maxY = Math.Max(maxY, positions[2 * i + 1]);
        }

        // A slightly wider square, so the largest coordinates fall inside the last quadrants.
        var side = Math.Max(Math.Max(maxX - minX, maxY - minY), double.Epsilon) * (1 + 1e-9);
        _nodes = 1;
        _leafCount = 0;
        BuildNode(positions, 0, 0, _points, minX, minY, side, 0);
        for (var p = 0; p < _points; p++)
        {
            _sorted[2 * p] = positions[2 * _order[p]];
            _sorted[2 * p + 1] = positions[2 * _order[p] + 1];
        }
    }

    /// <summary>
    /// Σⱼ≠ᵢ qᵢⱼ²(yᵢ − yⱼ) with qᵢⱼ = (1 + ‖yᵢ − yⱼ‖²)⁻¹ into (x, y) pairs of <paramref name="repulsion"/>; returns
    /// Σᵢ Σⱼ≠ᵢ qᵢⱼ. The walk is done once per leaf for all its points (Barnes' grouped walk): a cell stands for its
    /// points when side² &lt; θ² × (distance from its centre of mass to the leaf's bounding box)², which holds for every
    /// point of the leaf, so the approximation is never coarser than the per-point criterion; other leaves met on the
    /// way give their points one by one. Each point then sums that interaction list in vector lanes. Leaves run in
    /// parallel in fixed chunks and every sum has a fixed order, so the result does not depend on thread scheduling.
    /// </summary>
    public double Repulsion(double theta, double[] repulsion)
    {
        var thetaSquared = theta * theta;
        var chunks = (_leafCount + LeafChunk - 1) / LeafChunk;
        var partialSums = new double[chunks];
        Parallel.For(0, chunks, () => new InteractionList(), (chunk, _, list) =>
        {
            var sum = 0.0;
            var end = Math.Min(_leafCount, (chunk + 1) * LeafChunk);
            for (var leaf = chunk * LeafChunk; leaf < end; leaf++)
            {
                sum += LeafRepulsion(_leaves[leaf], thetaSquared, list, repulsion);
            }

            partialSums[chunk] = sum;
            return list;
        }, _ => { });

        var total = 0.0;
        foreach (var partial in partialSums)
        {
            total += partial;
        }

        return total;
    }

    /// <summary>Builds the leaf's interaction list, then evaluates it for each of the leaf's points.</summary>
    private double LeafRepulsion(int leaf, double thetaSquared, InteractionList list, double[] repulsion)
    {
        ref readonly var group = ref _tree[leaf];
        if (group.Count == 0)
        {
            return 0;
        }

        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (var p = group.Start; p < group.Start + group.Count; p++)
        {
            minX = Math.Min(minX, _sorted[2 * p]);
            maxX = Math.Max(maxX, _sorted[2 * p]);
            minY = Math.Min(minY, _sorted[2 * p + 1]);
            maxY = Math.Max(maxY, _sorted[2 * p + 1]);
        }

        list.Clear();
        var stack = list.Stack;
        var top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            ref readonly var node = ref _tree[stack[--top]];
            if (node.Count == 0)
            {
                continue;
            }

            var gapX = Math.Max(0.0, Math.Max(minX - node.CentreX, node.CentreX - maxX));
            var gapY = Math.Max(0.0, Math.Max(minY - node.CentreY, node.CentreY - maxY));
            if (node.SideSquared < thetaSquared * (gapX * gapX + gapY * gapY))
            {
                list.Add(node.CentreX, node.CentreY, node.Count);
            }
            else if (node.FirstChild >= 0)
            {
                stack[top] = node.FirstChild + 3;
                stack[top + 1] = node.FirstChild + 2;
                stack[top + 2] = node.FirstChild + 1;
                stack[top + 3] = node.FirstChild;
                top += 4;
            }
            else
            {
                // Includes the leaf's own points: a point facing itself adds q = 1 and no force, taken off below.
                for (var p = node.Start; p < node.Start + node.Count; p++)
                {
                    list.Add((float)_sorted[2 * p], (float)_sorted[2 * p + 1], 1);
                }
            }
        }

        var sum = 0.0;
        for (var p = group.Start; p < group.Start + group.Count; p++)
        {
            var (z, forceX, forceY) = list.Evaluate((float)_sorted[2 * p], (float)_sorted[2 * p + 1]);
            sum += z - 1.0;
            var point = _order[p];
            repulsion[2 * point] = forceX;
            repulsion[2 * point + 1] = forceY;
        }

        return sum;
    }

    /// <summary>Fills node <paramref name="node"/> with the points at [start, end) of the order, inside the square at
    /// (<paramref name="left"/>, <paramref name="bottom"/>) of side <paramref name="side"/>.</summary>
    private void BuildNode(double[] positions, int node, int start, int end, double left, double bottom, double side, int depth)
    {
        var count = end - start;
        _tree[node].Count = count;
        _tree[node].SideSquared = (float)(side * side);
        _tree[node].Start = start;
        if (count <= LeafCapacity || depth >= MaxDepth)
        {
            _tree[node].FirstChild = -1;
            if (_leafCount == _leaves.Length)
            {
                Array.Resize(ref _leaves, 2 * _leaves.Length);
            }

            _leaves[_leafCount++] = node;
            double sumX = 0, sumY = 0;
            for (var p = start; p < end; p++)
            {
                sumX += positions[2 * _order[p]];
                sumY += positions[2 * _order[p] + 1];
            }

            _tree[node].CentreX = count > 0 ? (float)(sumX / count) : 0;
            _tree[node].CentreY = count > 0 ? (float)(sumY / count) : 0;
            return;
        }

        var half = side / 2;
        double middleX = left + half, middleY = bottom + half;
        Span<int> quadrantStarts = stackalloc int[5];
        for (var p = start; p < end; p++)
        {
            quadrantStarts[Quadrant(positions, _order[p], middleX, middleY) + 1]++;
        }

        quadrantStarts[0] = start;
        for (var q = 1; q <= 4; q++)
        {
            quadrantStarts[q] += quadrantStarts[q - 1];
        }

        Span<int> fill = stackalloc int[4];
        quadrantStarts[..4].CopyTo(fill);
        for (var p = start; p < end; p++)
        {
            var point = _order[p];
            _scratch[fill[Quadrant(positions, point, middleX, middleY)]++] = point;
        }

        _scratch.AsSpan(start, count).CopyTo(_order.AsSpan(start, count));
        var first = Allocate(4);
        _tree[node].FirstChild = first;
        double centreX = 0, centreY = 0;
        for (var q = 0; q < 4; q++)
        {
            var child = first + q;
            BuildNode(positions, child, quadrantStarts[q], quadrantStarts[q + 1], left + (q & 1) * half, bottom + (q >> 1) * half, half, depth + 1);
            centreX += _tree[child].Count * (double)_tree[child].CentreX;
            centreY += _tree[child].Count * (double)_tree[child].CentreY;
        }

        _tree[node].CentreX = (float)(centreX / count);
        _tree[node].CentreY = (float)(centreY / count);
    }

    private static int Quadrant(double[] positions, int point, double middleX, double middleY) =>
        (positions[2 * point] >= middleX ? 1 : 0) + (positions[2 * point + 1] >= middleY ? 2 : 0);

    /// <summary>Reserves <paramref name="count"/> consecutive nodes, growing the arrays by doubling.</summary>
    private int Allocate(int count)
    {
        var first = _nodes;
        _nodes += count;
        if (_nodes > _tree.Length)
        {
            Array.Resize(ref _tree, Math.Max(_nodes, 2 * _tree.Length));
        }

        return first;
    }
}
