namespace PlaceDeMarche.Pipeline.Numerics.Clustering;

/// <summary>Settings of <see cref="MiniBatchKMeans"/> (defaults follow scikit-learn's MiniBatchKMeans).</summary>
public sealed record MiniBatchKMeansOptions
{
    /// <summary>Number of clusters k.</summary>
    public required int ClusterCount { get; init; }

    /// <summary>Rows drawn (with replacement) per mini-batch step.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Maximum passes over the data; the step budget is MaxIterations × rows / BatchSize.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop after this many steps without improvement of the smoothed batch inertia.</summary>
    public int MaxNoImprovement { get; init; } = 10;

    /// <summary>Centroids whose accumulated count falls below this fraction of the largest are re-seeded.</summary>
    public double ReassignmentRatio { get; init; } = 0.01;

    /// <summary>Rows used to seed (k-means++) and to compare initialisations; default 3 × BatchSize (at least 3k).</summary>
    public int? InitSize { get; init; }

    /// <summary>Number of k-means++ seedings compared on a validation sample.</summary>
    public int InitCount { get; init; } = 3;

    /// <summary>Whether to label every row at the end (one full pass); otherwise Labels is empty and Inertia is NaN.</summary>
    public bool ComputeLabels { get; init; } = true;

    /// <summary>Seed of every random choice; the same seed gives the same result.</summary>
    public int Seed { get; init; }

    internal void Validate(int rows)
    {
        if (ClusterCount < 1 || ClusterCount > rows)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ClusterCount), ClusterCount, $"The cluster count must be between 1 and the number of rows ({rows}).");
        }

        if (BatchSize < 1 || MaxIterations < 1 || MaxNoImprovement < 1 || InitCount < 1 || InitSize is < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(BatchSize), "BatchSize, MaxIterations, MaxNoImprovement, InitCount and InitSize must all be positive.");
        }

        if (!(ReassignmentRatio >= 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(ReassignmentRatio), ReassignmentRatio, "The reassignment ratio must be zero or positive.");
        }
    }
}
