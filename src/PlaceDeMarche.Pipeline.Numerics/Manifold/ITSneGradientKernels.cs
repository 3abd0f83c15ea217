using PlaceDeMarche.Pipeline.Numerics.Compute;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// The terms of t-SNE's gradient for one P (bound at creation), on the positions as float x and y arrays:
/// the exact repulsion over all pairs and the attraction over P's sparse entries. Implementations:
/// <see cref="CpuTSneGradientKernels"/> (the SIMD code) and <see cref="IlgpuTSneGradientKernels"/>.
/// </summary>
internal interface ITSneGradientKernels : IDisposable
{
    /// <summary>The kernels of <paramref name="backend"/> for P = <paramref name="joint"/>; on the CPU, the attraction
    /// runs its rows in parallel when <paramref name="parallel"/>.</summary>
    static ITSneGradientKernels Open(ComputeBackend backend, SparseRowMatrix joint, bool parallel) =>
        backend.Device is { } device ? new IlgpuTSneGradientKernels(device, joint) : new CpuTSneGradientKernels(joint, parallel);

    /// <summary>Σⱼ≠ᵢ qᵢⱼ²(yᵢ − yⱼ) per point into <paramref name="forceX"/> and <paramref name="forceY"/>, with qᵢⱼ =
    /// (1 + ‖yᵢ − yⱼ‖²)⁻¹ unnormalised; returns the normaliser Z = Σᵢ≠ⱼ qᵢⱼ.</summary>
    double Repulsion(float[] xs, float[] ys, float[] forceX, float[] forceY);

    /// <summary>Σⱼ pᵢⱼqᵢⱼ(yᵢ − yⱼ) over row i of P into the (x, y) pairs of <paramref name="attraction"/>.</summary>
    void Attraction(float[] xs, float[] ys, double[] attraction);

    /// <summary>KL(exaggeration × P ‖ Q) with Q = q / <paramref name="normaliser"/>, as scikit-learn reports it.</summary>
    double Divergence(float[] xs, float[] ys, double exaggeration, double normaliser);
}
