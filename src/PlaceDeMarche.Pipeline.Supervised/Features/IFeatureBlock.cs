namespace PlaceDeMarche.Pipeline.Supervised.Features;

/// <summary>
/// One block of a classifier's input (the TF-IDF of the text, an image embedding…) whose transform is learned from
/// the training rows only: <see cref="Fit"/> never sees the rows it will later transform for testing.
/// </summary>
public interface IFeatureBlock
{
    /// <summary>Name of the representation, as in pipeline.yaml (<c>tfidf</c>, <c>colorhist</c>…).</summary>
    string Name { get; }

    /// <summary>Learns the block's transform (vocabulary, idf, means and scales) from <paramref name="trainRows"/> alone.</summary>
    IFittedFeatureBlock Fit(IReadOnlyList<int> trainRows);
}
