namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>Subword options of <see cref="FastTextModel"/> (Bojanowski et al. 2017) on top of the skip-gram ones.</summary>
public sealed record FastTextOptions
{
    /// <summary>The skip-gram / negative sampling options shared with <see cref="Word2Vec"/>.</summary>
    public Word2VecOptions Training { get; init; } = new();

    /// <summary>Shortest character n-gram, boundary markers included.</summary>
    public int MinN { get; init; } = 3;

    /// <summary>Longest character n-gram, boundary markers included.</summary>
    public int MaxN { get; init; } = 6;

    /// <summary>Rows of the hashed n-gram table; smaller than fastText's 2M because the corpus has ~5k words.</summary>
    public int BucketCount { get; init; } = 200_000;

    /// <summary>Throws when an option is out of its range, naming it.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Training, nameof(Training));
        Training.Validate();
        if (MinN < 1)
            throw new ArgumentOutOfRangeException(nameof(MinN), "FastText option MinN must be at least 1.");
        if (MaxN < MinN)
            throw new ArgumentOutOfRangeException(nameof(MaxN), "FastText option MaxN must be at least MinN.");
        if (BucketCount < 1)
            throw new ArgumentOutOfRangeException(nameof(BucketCount), "FastText option BucketCount must be positive.");
    }
}
