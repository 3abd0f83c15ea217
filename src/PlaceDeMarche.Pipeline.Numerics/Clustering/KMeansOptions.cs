namespace PlaceDeMarche.Pipeline.Numerics.Clustering;

/// <summary>Settings of <see cref="KMeans"/> (defaults follow scikit-learn's classic KMeans).</summary>
public sealed record KMeansOptions
{
    /// <summary>Number of clusters k.</summary>
    public required int ClusterCount { get; init; }

    /// <summary>Independent k-means++ restarts; the one with the lowest inertia wins.</summary>
    public int InitCount { get; init; } = 10;

    /// <summary>Maximum Lloyd iterations per restart.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>Convergence threshold on the summed squared centroid shift, relative to the mean feature variance.</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Seed of every random choice; the same seed gives the same result.</summary>
    public int Seed { get; init; }

    /// <summary>Plain Lloyd iterations or Hamerly's bounded ones (same result, fewer distances).</summary>
    public KMeansAlgorithm Algorithm { get; init; } = KMeansAlgorithm.Hamerly;

    internal void Validate(int rows)
    {
        if (ClusterCount < 1 || ClusterCount > rows)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ClusterCount), ClusterCount, $"The cluster count must be between 1 and the number of rows ({rows}).");
        }

        if (InitCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(InitCount), InitCount, "At least one initialisation is needed.");
        }

        if (MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "At least one iteration is needed.");
        }

        if (!(Tolerance >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must be zero or positive.");
        }
    }
}
