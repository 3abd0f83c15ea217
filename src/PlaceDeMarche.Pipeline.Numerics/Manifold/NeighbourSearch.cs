namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>How t-SNE's affinities find each point's nearest neighbours (exactly, or approximately for the largest inputs).</summary>
public enum NeighbourSearch
{
    /// <summary>From the full n × n distance matrix: O(n²) memory, the fastest for a few thousand points.</summary>
    AllPairs,

    /// <summary>With a <see cref="VantagePointTree"/>: O(n k) memory, queries in parallel; prunes well in few dimensions.</summary>
    VantagePointTree,

    /// <summary>With <see cref="TiledNeighbourSearch"/>: every pair, but vectorised four queries by eight candidates;
    /// faster than a tree once the dimension is too high for it to prune.</summary>
    TiledScan,

    /// <summary>With <see cref="ApproximateNeighbourSearch"/>: a random-projection forest refined by neighbours of
    /// neighbours, its recall estimated on a sample; for inputs where an all-pairs scan would take too long.</summary>
    Approximate,
}
