using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>A fitted non-negative factorisation X ≈ W·H.</summary>
public sealed class NmfResult
{
    internal NmfResult(DenseMatrix w, DenseMatrix h, double reconstructionError, int iterations)
    {
        W = w;
        H = h;
        ReconstructionError = reconstructionError;
        Iterations = iterations;
    }

    /// <summary>Non-negative weight of each component in each row (rows × components): the row's topic mixture.</summary>
    public DenseMatrix W { get; }

    /// <summary>Non-negative components as rows (components × columns): each topic's term weights.</summary>
    public DenseMatrix H { get; }

    /// <summary>Frobenius norm ‖X − W·H‖ at the end of the fit.</summary>
    public double ReconstructionError { get; }

    /// <summary>Iterations run.</summary>
    public int Iterations { get; }
}
