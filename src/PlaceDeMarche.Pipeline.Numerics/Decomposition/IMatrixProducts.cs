using PlaceDeMarche.Pipeline.Numerics.Compute;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>
/// PCA's products with the centred data Xc = X − 1μᵀ (X and μ bound at creation; Xc is never stored on the host):
/// the cross products the exact solver diagonalises and the randomized range finder's two products.
/// Implementations: <see cref="CpuMatrixProducts"/> (the SIMD code) and <see cref="IlgpuMatrixProducts"/>.
/// </summary>
internal interface IMatrixProducts : IDisposable
{
    /// <summary>The products of <paramref name="backend"/> with <paramref name="data"/> centred on <paramref name="mean"/>.</summary>
    static IMatrixProducts Open(ComputeBackend backend, DenseMatrix data, double[] mean) =>
        backend.Device is { } device ? new IlgpuMatrixProducts(device, data, mean) : new CpuMatrixProducts(data, mean);

    /// <summary>Xc·Xcᵀ (rows × rows), for data with fewer rows than features.</summary>
    double[] CentredGram();

    /// <summary>Xcᵀ·Xc (features × features), the scatter matrix.</summary>
    double[] CentredScatter();

    /// <summary>(Xc·Mᵀ)ᵀ for the <paramref name="width"/> row vectors M of <paramref name="basis"/> (length d each):
    /// width vectors of length n, row-major.</summary>
    double[] CentredTimes(double[] basis, int width);

    /// <summary>Xcᵀ·Q for the <paramref name="width"/> vectors Q of <paramref name="vectors"/> (length n each): width
    /// vectors of length d, row-major.</summary>
    double[] CentredTransposeTimes(double[] vectors, int width);
}
