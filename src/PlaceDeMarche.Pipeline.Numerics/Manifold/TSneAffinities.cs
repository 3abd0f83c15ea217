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

    /// <summary>Up to this many features a vantage-point tree prunes well (scikit-learn's NearestNeighbors switches
    /// to brute force above 15 too); beyond, the tiled scan is faster (about 5x less CPU than the tree at 20,000
    /// PCA-50 rows, profiled).</summary>
    internal const int TreeDimensions = 15;

    /// <summary>The symmetric joint probabilities pᵢⱼ, zero outside the nearest-neighbour sets.</summary>
    internal SparseRowMatrix Joint { get; }

    public double Perplexity { get; }

    public int Rows => Joint.Rows;

    /// <summary>Calibrates the affinities of the rows of <paramref name="data"/> for <paramref name="perplexity"/>,
    /// with the method <see cref="TSneMethod.Auto"/> picks for their number.</summary>
    public static TSneAffinities Compute(DenseMatrix data, double perplexity) =>
        Compute(data, new TSneOptions { Perplexity = perplexity });

    /// <summary>Calibrates the affinities for <paramref name="options"/>' perplexity, the neighbours found as its
    /// method does: from all pairwise distances (exact), or for Barnes-Hut with a vantage-point tree in up to
    /// <see cref="TreeDimensions"/> features and a tiled scan above; all three are exact.</summary>
    public static TSneAffinities Compute(DenseMatrix data, TSneOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(data.Rows);
        data.EnsureFinite("t-SNE");
        var search = options.ResolveMethod(data.Rows) != TSneMethod.BarnesHut ? NeighbourSearch.AllPairs
            : data.Columns <= TreeDimensions ? NeighbourSearch.VantagePointTree
            : NeighbourSearch.TiledScan;
        return new TSneAffinities(NeighbourAffinities.JointProbabilities(data, options.Perplexity, search), options.Perplexity);
    }
}
