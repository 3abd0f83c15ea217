namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>How many principal components to keep: a fixed count, or the fewest whose cumulative explained
/// variance ratio exceeds a threshold (as scikit-learn's float n_components). Set exactly one.</summary>
public sealed record PcaOptions
{
    /// <summary>Fixed number of components, 1 ≤ count ≤ min(rows, columns).</summary>
    public int? ComponentCount { get; init; }

    /// <summary>Explained-variance threshold in (0, 1), e.g. 0.99.</summary>
    public double? VarianceRatio { get; init; }

    /// <summary>Exact or randomized; <see cref="PcaSolver.Auto"/> chooses by the data's size.</summary>
    public PcaSolver Solver { get; init; } = PcaSolver.Auto;

    /// <summary>Largest min(rows, features) <see cref="PcaSolver.Auto"/> solves exactly: beyond, the exact solver's
    /// m × m eigen-decomposition (m³ operations, m² memory) outweighs the randomized passes over the data.</summary>
    public int RandomizedThreshold { get; init; } = 2000;

    /// <summary>Seed of the randomized solver's Gaussian test matrix.</summary>
    public int Seed { get; init; }

    /// <summary>Keeps a fixed number of components.</summary>
    public static PcaOptions WithComponentCount(int count) => new() { ComponentCount = count };

    /// <summary>Keeps the fewest components explaining more than <paramref name="ratio"/> of the variance.</summary>
    public static PcaOptions WithVarianceRatio(double ratio) => new() { VarianceRatio = ratio };

    internal void Validate()
    {
        if (ComponentCount.HasValue == VarianceRatio.HasValue)
        {
            throw new ArgumentException(
                "PCA options must set exactly one of ComponentCount and VarianceRatio.");
        }

        if (ComponentCount is < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ComponentCount), ComponentCount, "The PCA component count must be at least 1.");
        }

        if (Solver == PcaSolver.Randomized && ComponentCount is null)
        {
            throw new ArgumentException("The randomized PCA solver needs a fixed ComponentCount, not a VarianceRatio.");
        }

        if (VarianceRatio is { } ratio && !(ratio > 0.0 && ratio < 1.0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(VarianceRatio), ratio, "The PCA explained-variance ratio must be strictly between 0 and 1.");
        }
    }
}
