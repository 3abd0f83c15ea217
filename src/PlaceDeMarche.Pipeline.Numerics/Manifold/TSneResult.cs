using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>A 2-D t-SNE embedding.</summary>
/// <param name="Embedding">One row (x, y) per sample.</param>
/// <param name="KullbackLeiblerDivergence">KL(P‖Q) at the last iteration (with the un-exaggerated P).</param>
/// <param name="Iterations">Iterations actually run.</param>
public sealed record TSneResult(DenseMatrix Embedding, double KullbackLeiblerDivergence, int Iterations);
