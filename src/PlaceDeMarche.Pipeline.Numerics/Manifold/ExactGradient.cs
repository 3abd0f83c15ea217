namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// KL(P‖Q) and its gradient with the repulsion summed over all pairs: at n ≈ 1000 one vectorised pass over the
/// n(n − 1)/2 pairs is cheaper than a space-partitioning tree, and on a GPU it is the O(n²) work that parallelises
/// best. The terms come from <see cref="ITSneGradientKernels"/> (CPU SIMD or ILGPU).
/// </summary>
internal sealed class ExactGradient : ITSneGradient
{
    private readonly int n;
    private readonly ITSneGradientKernels _kernels;
    private readonly float[] _xs;
    private readonly float[] _ys;
    private readonly float[] _repulsionX;
    private readonly float[] _repulsionY;
    private readonly double[] _attraction;

    public ExactGradient(int rows, ITSneGradientKernels kernels)
    {
        n = rows;
        _kernels = kernels;
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

        var normaliser = _kernels.Repulsion(_xs, _ys, _repulsionX, _repulsionY);
        _kernels.Attraction(_xs, _ys, _attraction);
        for (var i = 0; i < n; i++)
        {
            gradient[2 * i] = 4.0 * (exaggeration * _attraction[2 * i] - _repulsionX[i] / normaliser);
            gradient[2 * i + 1] = 4.0 * (exaggeration * _attraction[2 * i + 1] - _repulsionY[i] / normaliser);
        }

        return computeDivergence ? _kernels.Divergence(_xs, _ys, exaggeration, normaliser) : double.NaN;
    }
}
