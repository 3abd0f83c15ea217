namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// Document vectors from word vectors: the mean of the vectors of its tokens, or their TF-IDF-weighted mean (each
/// occurrence weighted by the term's IDF, so a term counts tf x idf), L2-normalised; or SIF (Arora et al. 2017), the
/// SIF-weighted average with the corpus' common component removed, L2-normalised. A document with no token that
/// has a vector (or only zero weights) gets the zero vector.
/// </summary>
public sealed class DocumentEmbedder
{
    private readonly IWordVectorSource words;

    /// <summary>Embeds documents with the vectors of <paramref name="words"/>.</summary>
    public DocumentEmbedder(IWordVectorSource words)
    {
        ArgumentNullException.ThrowIfNull(words);
        this.words = words;
    }

    /// <summary>Length of the document vectors.</summary>
    public int Dimensions => words.Dimensions;

    /// <summary>The unit vector of one document; <paramref name="weights"/> null means a plain mean.</summary>
    public float[] Embed(IReadOnlyList<string> tokens, TermWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var sum = WeightedSum(tokens, weights, out _);
        // Dividing by the total weight would not change the direction, and the result is normalised anyway.
        EmbeddingKernels.Normalize(sum);
        return sum;
    }

    /// <summary>One unit vector per document, computed in parallel (each document independently, so deterministic).</summary>
    public float[][] EmbedAll(IReadOnlyList<string[]> documents, TermWeights? weights = null)
    {
        RequireDocuments(documents);
        var vectors = new float[documents.Count][];
        Parallel.For(0, documents.Count, d => vectors[d] = Embed(documents[d], weights));
        return vectors;
    }

    /// <summary>
    /// SIF document vectors: each document is the average over its tokens that have a vector of a/(a + p(w)) v_w
    /// (<paramref name="sifWeights"/>, see <see cref="TermWeights.Sif"/>); the common component of all those averages
    /// is removed (<see cref="CommonComponent"/>) and the rows are scaled to unit length. Unlike the plain pooling,
    /// the division by the token count matters here: it sets each document's share in the singular vector.
    /// </summary>
    public float[][] EmbedAllSif(IReadOnlyList<string[]> documents, TermWeights sifWeights)
    {
        RequireDocuments(documents);
        ArgumentNullException.ThrowIfNull(sifWeights);
        var vectors = new float[documents.Count][];
        Parallel.For(0, documents.Count, d =>
        {
            var sum = WeightedSum(documents[d], sifWeights, out var counted);
            if (counted > 0)
                EmbeddingKernels.Scale(sum, 1f / counted);
            vectors[d] = sum;
        });
        CommonComponent.Remove(vectors);
        foreach (var vector in vectors)
            EmbeddingKernels.Normalize(vector);
        return vectors;
    }

    /// <summary>Sum of weight x vector over the tokens with a vector and a positive weight, and how many there were.</summary>
    private float[] WeightedSum(IReadOnlyList<string> tokens, TermWeights? weights, out int counted)
    {
        var sum = new float[Dimensions];
        var word = new float[Dimensions];
        counted = 0;
        foreach (var token in tokens)
        {
            var weight = weights is null ? 1.0 : weights.Weight(token);
            if (weight > 0 && words.TryCopyVector(token, word))
            {
                EmbeddingKernels.AddScaled(sum, word, (float)weight);
                counted++;
            }
        }

        return sum;
    }

    private static void RequireDocuments(IReadOnlyList<string[]> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        for (var d = 0; d < documents.Count; d++)
        {
            if (documents[d] is null)
                throw new ArgumentException($"Document {d} is null; pass an empty token array instead.", nameof(documents));
        }
    }
}
