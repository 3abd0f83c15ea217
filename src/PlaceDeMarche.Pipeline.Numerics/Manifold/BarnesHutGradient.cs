using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// KL(P‖Q) and its gradient with the repulsion approximated by Barnes-Hut on a <see cref="QuadTree"/> rebuilt at each
/// iteration: O(n log n) instead of O(n²). The normaliser Z is the same approximation's Σᵢ Σⱼ≠ᵢ qᵢⱼ, as in
/// scikit-learn's and bhtsne's Barnes-Hut methods. Both halves run on all cores over fixed chunks, each point's terms
/// summed alone in a fixed order, so the result does not depend on thread scheduling; the attraction comes from
/// <see cref="ITSneGradientKernels"/> (on an ILGPU device when the backend is one), the tree walk stays on the CPU.
/// </summary>
internal sealed class BarnesHutGradient : ITSneGradient
{
    private readonly int n;
    private readonly double _theta;
    private readonly ITSneGradientKernels _kernels;
    private readonly QuadTree _tree;
    private readonly float[] _xs;
    private readonly float[] _ys;
    private readonly double[] _attraction;
    private readonly double[] _repulsion;

    public BarnesHutGradient(int rows, double theta, ITSneGradientKernels kernels)
    {
        n = rows;
        _theta = theta;
        _kernels = kernels;
        _tree = new QuadTree(n);
        _xs = new float[n];
        _ys = new float[n];
        _attraction = new double[2 * n];
        _repulsion = new double[2 * n];
    }

    public double Evaluate(double[] positions, double exaggeration, double[] gradient, bool computeDivergence)
    {
        for (var i = 0; i < n; i++)
        {
            _xs[i] = (float)positions[2 * i];
            _ys[i] = (float)positions[2 * i + 1];
        }

        _tree.Build(positions);
        var normaliser = Math.Max(_tree.Repulsion(_theta, _repulsion), double.Epsilon);
        _kernels.Attraction(_xs, _ys, _attraction);
        for (var c = 0; c < 2 * n; c++)
        {
            gradient[c] = 4.0 * (exaggeration * _attraction[c] - _repulsion[c] / normaliser);
        }

        return computeDivergence ? _kernels.Divergence(_xs, _ys, exaggeration, normaliser) : double.NaN;
    }
}
