using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// The bodies a group of nearby points interacts with in a Barnes-Hut walk (<see cref="QuadTree"/>): far cells as their
/// centre of mass weighted by their count, near points with weight 1. One per worker thread, reused from leaf to leaf.
/// </summary>
internal sealed class InteractionList
{
    private const int Lanes = 8;

    private float[] _xs = new float[256];
    private float[] _ys = new float[256];
    private float[] _weights = new float[256];
    private int _count;

    /// <summary>The walk's stack: each visited cell replaces itself by its four children.</summary>
    public int[] Stack { get; } = new int[3 * QuadTree.MaxDepth + 8];

    public void Clear() => _count = 0;

    public void Add(float x, float y, float weight)
    {
        if (_count == _xs.Length)
        {
            Array.Resize(ref _xs, 2 * _count);
            Array.Resize(ref _ys, 2 * _count);
            Array.Resize(ref _weights, 2 * _count);
        }

        _xs[_count] = x;
        _ys[_count] = y;
        _weights[_count++] = weight;
    }

    /// <summary>
    /// For a point at (x, y): Σ w q, Σ w q² dx and Σ w q² dy over the list, q = (1 + dx² + dy²)⁻¹, summed in eight
    /// float lanes in list order, then the lanes in a fixed order.
    /// </summary>
    public (double Sum, double ForceX, double ForceY) Evaluate(float x, float y)
    {
        while (_count % Lanes != 0)
        {
            Add(0, 0, 0);
        }

        ref var xs = ref MemoryMarshal.GetArrayDataReference(_xs);
        ref var ys = ref MemoryMarshal.GetArrayDataReference(_ys);
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        var one = Vector256<float>.One;
        var pointX = Vector256.Create(x);
        var pointY = Vector256.Create(y);
        Vector256<float> sum = default, forceX = default, forceY = default;
        for (var e = 0; e < _count; e += Lanes)
        {
            var dx = pointX - Vector256.LoadUnsafe(ref xs, (nuint)e);
            var dy = pointY - Vector256.LoadUnsafe(ref ys, (nuint)e);
            var q = one / (one + dx * dx + dy * dy);
            var weighted = Vector256.LoadUnsafe(ref weights, (nuint)e) * q;
            sum += weighted;
            var force = weighted * q;
            forceX += force * dx;
            forceY += force * dy;
        }

        return (VectorKernels.HorizontalSum(sum), VectorKernels.HorizontalSum(forceX), VectorKernels.HorizontalSum(forceY));
    }
}
