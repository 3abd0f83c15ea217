namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>How t-SNE computes its affinities and its repulsive forces.</summary>
public enum TSneMethod
{
    /// <summary><see cref="Exact"/> below <see cref="TSneOptions.BarnesHutThreshold"/> samples, <see cref="BarnesHut"/> from it.</summary>
    Auto,

    /// <summary>Neighbours found from all pairwise distances and the repulsion summed over all pairs: O(n²) time and
    /// memory per fit, O(n²) time per iteration; the cheapest for about a thousand points.</summary>
    Exact,

    /// <summary>Neighbours from a vantage-point tree and the repulsion approximated with a quadtree (Barnes-Hut, angle
    /// <see cref="TSneOptions.Theta"/>): O(n log n) per iteration, parallel over both cores.</summary>
    BarnesHut,
}
