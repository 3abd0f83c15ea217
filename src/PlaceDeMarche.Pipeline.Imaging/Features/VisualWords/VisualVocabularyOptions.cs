namespace PlaceDeMarche.Pipeline.Imaging.Features.VisualWords;

/// <summary>Settings of <see cref="VisualVocabulary.Build"/>.</summary>
public sealed record VisualVocabularyOptions
{
    /// <summary>Number of visual words (k of the k-means).</summary>
    public required int WordCount { get; init; }

    /// <summary>At most this many descriptors, drawn uniformly without replacement, train the vocabulary.</summary>
    public int MaxTrainingDescriptors { get; init; } = 100_000;

    /// <summary>Mini-batch size of the k-means.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Seed of the sampling and of the k-means.</summary>
    public int Seed { get; init; }
}
