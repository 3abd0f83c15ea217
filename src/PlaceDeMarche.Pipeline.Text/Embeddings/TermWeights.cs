using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>Per-word weights for <see cref="DocumentEmbedder"/>, typically the IDF of a fitted TF-IDF vectorizer.</summary>
public sealed class TermWeights
{
    private readonly Vocabulary vocabulary;
    private readonly double[] weights;

    /// <summary>Weight <paramref name="weights"/>[i] for term <paramref name="vocabulary"/>[i].</summary>
    public TermWeights(Vocabulary vocabulary, ReadOnlySpan<double> weights)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (weights.Length != vocabulary.Count)
            throw new ArgumentException($"{weights.Length} weights for {vocabulary.Count} vocabulary terms; pass one weight per term.", nameof(weights));
        foreach (var weight in weights)
        {
            if (!(weight >= 0) || !double.IsFinite(weight))
                throw new ArgumentException($"Term weights must be finite and >= 0; got {weight}.", nameof(weights));
        }

        this.vocabulary = vocabulary;
        this.weights = weights.ToArray();
    }

    /// <summary>The IDF weights of a fitted <paramref name="vectorizer"/>.</summary>
    public static TermWeights FromIdf(TfIdfVectorizer vectorizer)
    {
        ArgumentNullException.ThrowIfNull(vectorizer);
        return new TermWeights(vectorizer.Vocabulary, vectorizer.Idf);
    }

    /// <summary>The weight of <paramref name="term"/>; 0 when it is not in the vocabulary (the word is then ignored).</summary>
    public double Weight(string term)
    {
        var index = vocabulary.IndexOf(term);
        return index >= 0 ? weights[index] : 0;
    }
}
