using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// t-SNE's input affinities for one dataset and perplexity. They do not depend on the seed, so the scoring protocol
/// computes them once and reuses them for every seed (they cost about a third of a run at n = 1050).
/// </summary>
public sealed class TSneAffinities
{
    private TSneAffinities(SparseRowMatrix joint, double perplexity, NeighbourSearch search, double neighbourRecall)
    {
        Joint = joint;
        Perplexity = perplexity;
        Search = search;
        NeighbourRecall = neighbourRecall;
    }

    /// <summary>Up to this many features a vantage-point tree prunes well (scikit-learn's NearestNeighbors switches
    /// to brute force above 15 too); beyond, the tiled scan is faster (about 5x less CPU than the tree at 20,000
    /// PCA-50 rows, profiled).</summary>
    internal const int TreeDimensions = 15;

    /// <summary>The symmetric joint probabilities pᵢⱼ, zero outside the nearest-neighbour sets.</summary>
    internal SparseRowMatrix Joint { get; }

    public double Perplexity { get; }

    public int Rows => Joint.Rows;

    /// <summary>How the neighbours were found.</summary>
    public NeighbourSearch Search { get; }

    /// <summary>The share of the true nearest neighbours found: 1 for the exact searches, estimated on a sample of
    /// rows for <see cref="NeighbourSearch.Approximate"/>.</summary>
    public double NeighbourRecall { get; }

    /// <summary>Calibrates the affinities of the rows of <paramref name="data"/> for <paramref name="perplexity"/>,
    /// with the method <see cref="TSneMethod.Auto"/> picks for their number.</summary>
    public static TSneAffinities Compute(DenseMatrix data, double perplexity) =>
        Compute(data, new TSneOptions { Perplexity = perplexity });

    /// <summary>Calibrates the affinities for <paramref name="options"/>' perplexity, the neighbours found as
    /// <see cref="TSneOptions.ResolveNeighbourSearch"/> says: from all pairwise distances (exact method), or for
    /// Barnes-Hut with a vantage-point tree in up to <see cref="TreeDimensions"/> features, a tiled scan above (both
    /// exact), and approximately above <see cref="TSneOptions.ExactNeighboursLimit"/> rows.</summary>
    public static TSneAffinities Compute(DenseMatrix data, TSneOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(data.Rows);
        data.EnsureFinite("t-SNE");
        var search = options.ResolveNeighbourSearch(data.Rows, data.Columns);
        var graph = NeighbourAffinities.FindNeighbours(data, options.Perplexity, search);
        return new TSneAffinities(
            NeighbourAffinities.JointProbabilities(graph, options.Perplexity), options.Perplexity, search, graph.Recall);
    }
}
