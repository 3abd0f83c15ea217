namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>Settings of the randomized <see cref="TruncatedSvd"/> (defaults follow scikit-learn's randomized_svd).</summary>
public sealed record TruncatedSvdOptions
{
    /// <summary>Number of singular triplets to keep, 1 ≤ count ≤ min(rows, columns).</summary>
    public required int Components { get; init; }

    /// <summary>Extra random directions sampled beyond <see cref="Components"/>; more give a better subspace.</summary>
    public int Oversamples { get; init; } = 10;

    /// <summary>Power (subspace) iterations; null means scikit-learn's 'auto': 7 when fewer than 10 % of
    /// min(rows, columns) components are asked for, otherwise 4.</summary>
    public int? PowerIterations { get; init; }

    /// <summary>Seed of the Gaussian test matrix; the same seed gives the same result.</summary>
    public int Seed { get; init; }

    internal int ResolvePowerIterations(int rows, int columns) =>
        PowerIterations ?? (Components < 0.1 * Math.Min(rows, columns) ? 7 : 4);

    internal void Validate(int rows, int columns)
    {
        var maxComponents = Math.Min(rows, columns);
        if (Components < 1 || Components > maxComponents)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Components),
                Components,
                $"A {rows} x {columns} matrix has between 1 and {maxComponents} singular components.");
        }

        if (Oversamples < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Oversamples), Oversamples, "Oversamples must be zero or positive.");
        }

        if (PowerIterations is < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(PowerIterations), PowerIterations, "Power iterations must be zero or positive (or null for auto).");
        }
    }
}
