namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>How t-SNE's affinities find each point's nearest neighbours (both exactly).</summary>
internal enum NeighbourSearch
{
    /// <summary>From the full n × n distance matrix: O(n²) memory, the fastest for a few thousand points.</summary>
    AllPairs,

    /// <summary>With a <see cref="VantagePointTree"/>: O(n k) memory, queries in parallel.</summary>
    VantagePointTree,
}
