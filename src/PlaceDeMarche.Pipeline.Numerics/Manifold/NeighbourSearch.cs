namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>How t-SNE's affinities find each point's nearest neighbours (both exactly).</summary>
public enum NeighbourSearch
{
    /// <summary>From the full n × n distance matrix: O(n²) memory, the fastest for a few thousand points.</summary>
    AllPairs,

    /// <summary>With a <see cref="VantagePointTree"/>: O(n k) memory, queries in parallel; prunes well in few dimensions.</summary>
    VantagePointTree,

    /// <summary>With <see cref="TiledNeighbourSearch"/>: every pair, but vectorised four queries by eight candidates;
    /// faster than a tree once the dimension is too high for it to prune.</summary>
    TiledScan,
}
