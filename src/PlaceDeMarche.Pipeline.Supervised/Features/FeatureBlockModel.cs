namespace PlaceDeMarche.Pipeline.Supervised.Features;

/// <summary>
/// A fitted block as saved with a model: for <c>tfidf</c> the vocabulary and idf weights, for dense embeddings the
/// per-dimension means and scales. Everything <c>predict</c> needs to place a new product in the same space.
/// </summary>
public sealed record FeatureBlockModel
{
    /// <summary><see cref="TfIdfKind"/> or <see cref="DenseKind"/>.</summary>
    public required string Kind { get; init; }

    public required string Representation { get; init; }

    public string[] Terms { get; init; } = [];

    public double[] Idf { get; init; } = [];

    public float[] Mean { get; init; } = [];

    public float[] Scale { get; init; } = [];

    public const string TfIdfKind = "tfidf";

    public const string DenseKind = "dense";
}
