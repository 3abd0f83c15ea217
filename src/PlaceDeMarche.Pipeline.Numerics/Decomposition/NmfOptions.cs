namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>Settings of <see cref="Nmf"/> (defaults follow scikit-learn's NMF).</summary>
public sealed record NmfOptions
{
    /// <summary>Number of components (topics) k, 1 ≤ k ≤ min(rows, columns).</summary>
    public required int Components { get; init; }

    /// <summary>Starting factors.</summary>
    public NmfInitialization Init { get; init; } = NmfInitialization.Nndsvda;

    /// <summary>Optimisation method.</summary>
    public NmfSolver Solver { get; init; } = NmfSolver.CoordinateDescent;

    /// <summary>Maximum number of iterations (one iteration updates W then H).</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Relative stopping tolerance (see <see cref="NmfSolver"/>); 0 runs all iterations.</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Regularisation strength applied to both factors; as in scikit-learn it is scaled by the number of
    /// columns for W and the number of rows for H. 0 disables regularisation.</summary>
    public double Alpha { get; init; }

    /// <summary>Share of <see cref="Alpha"/> given to the L1 penalty (the rest is L2), in [0, 1].</summary>
    public double L1Ratio { get; init; }

    /// <summary>Seed of the randomized SVD (Nndsvda) or of the random factors; the same seed gives the same result.</summary>
    public int Seed { get; init; }

    internal void Validate(int rows, int columns)
    {
        var maxComponents = Math.Min(rows, columns);
        if (Components < 1 || Components > maxComponents)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Components),
                Components,
                $"NMF of a {rows} x {columns} matrix needs between 1 and {maxComponents} components.");
        }

        if (MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "At least one iteration is needed.");
        }

        if (!(Tolerance >= 0) || !(Alpha >= 0) || !(L1Ratio is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(Tolerance),
                $"NMF options need Tolerance ≥ 0 (got {Tolerance}), Alpha ≥ 0 (got {Alpha}) and L1Ratio in [0, 1] (got {L1Ratio}).");
        }
    }
}
