namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>How <see cref="Pca"/> finds the leading components.</summary>
public enum PcaSolver
{
    /// <summary><see cref="Exact"/> while min(rows, features) ≤ <see cref="PcaOptions.RandomizedThreshold"/>, else
    /// <see cref="Randomized"/> (a fixed component count only).</summary>
    Auto,

    /// <summary>Eigen-decomposition of the smaller cross-product matrix: O(m³) in m = min(rows, features).</summary>
    Exact,

    /// <summary>Randomized subspace iteration on the centred data (Halko, Martinsson &amp; Tropp 2011): O(rows × features
    /// × components) per pass, never an m × m matrix.</summary>
    Randomized,
}
