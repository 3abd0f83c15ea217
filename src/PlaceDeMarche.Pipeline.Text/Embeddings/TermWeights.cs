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

    /// <summary>
    /// SIF weights (Arora, Liang &amp; Ma 2017): a / (a + p(w)), p(w) the share of word w among all tokens of
    /// <paramref name="documents"/>, so frequent words weigh little; the paper recommends a = 1e-3.
    /// </summary>
    public static TermWeights Sif(IReadOnlyList<string[]> documents, double a)
    {
        if (!(a > 0) || !double.IsFinite(a))
            throw new ArgumentOutOfRangeException(nameof(a), a, "The SIF parameter a must be a finite positive number (the paper uses 1e-3).");
        var counts = EmbeddingVocabulary.Build(documents, minCount: 1);
        var weights = new double[counts.Count];
        for (var i = 0; i < weights.Length; i++)
            weights[i] = a / (a + (double)counts.Counts[i] / counts.TotalCount);
        return new TermWeights(new Vocabulary(counts.Words), weights);
    }

    /// <summary>The weight of <paramref name="term"/>; 0 when it is not in the vocabulary (the word is then ignored).</summary>
    public double Weight(string term)
    {
        var index = vocabulary.IndexOf(term);
        return index >= 0 ? weights[index] : 0;
    }
}
