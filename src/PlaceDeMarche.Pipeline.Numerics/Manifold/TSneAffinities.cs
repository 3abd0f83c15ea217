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

    /// <summary>Calibrates the affinities of the rows of <paramref name="data"/> for <paramref name="perplexity"/>,
    /// with the method <see cref="TSneMethod.Auto"/> picks for their number.</summary>
    public static TSneAffinities Compute(DenseMatrix data, double perplexity) =>
        Compute(data, new TSneOptions { Perplexity = perplexity });

    /// <summary>Calibrates the affinities for <paramref name="options"/>' perplexity, the neighbours found as its
    /// method does: from all pairwise distances (exact) or with a vantage-point tree (Barnes-Hut); both are exact.</summary>
    public static TSneAffinities Compute(DenseMatrix data, TSneOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(data.Rows);
        data.EnsureFinite("t-SNE");
        var search = options.ResolveMethod(data.Rows) == TSneMethod.BarnesHut
            ? NeighbourSearch.VantagePointTree
            : NeighbourSearch.AllPairs;
        return new TSneAffinities(NeighbourAffinities.JointProbabilities(data, options.Perplexity, search), options.Perplexity);
    }
}
