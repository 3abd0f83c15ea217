using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// t-SNE's input affinities for one dataset and perplexity. They do not depend on the seed, so the scoring protocol
/// computes them once and reuses them for every seed (they cost about a third of a run at n = 1050).
/// </summary>
public sealed class TSneAffinities
{
    private TSneAffinities(SparseRowMatrix joint, double perplexity)
    {
        Joint = joint;
        Perplexity = perplexity;
    }

    /// <summary>The symmetric joint probabilities pᵢⱼ, zero outside the nearest-neighbour sets.</summary>
    internal SparseRowMatrix Joint { get; }

    public double Perplexity { get; }

    public int Rows => Joint.Rows;

    /// <summary>Calibrates the affinities of the rows of <paramref name="data"/> for <paramref name="perplexity"/>.</summary>
    public static TSneAffinities Compute(DenseMatrix data, double perplexity)
    {
        ArgumentNullException.ThrowIfNull(data);
        new TSneOptions { Perplexity = perplexity }.Validate(data.Rows);
        data.EnsureFinite("t-SNE");
        return new TSneAffinities(NeighbourAffinities.JointProbabilities(data, perplexity), perplexity);
    }
}
