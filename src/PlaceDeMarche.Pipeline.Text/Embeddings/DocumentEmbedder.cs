namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// Document vectors from word vectors: the mean of the vectors of its tokens, or their TF-IDF-weighted mean (each
/// occurrence weighted by the term's IDF, so a term counts tf x idf), L2-normalised. A document with no token that
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
        var sum = new float[Dimensions];
        var word = new float[Dimensions];
        foreach (var token in tokens)
        {
            var weight = weights is null ? 1.0 : weights.Weight(token);
            if (weight > 0 && words.TryCopyVector(token, word))
                EmbeddingKernels.AddScaled(sum, word, (float)weight);
        }

        // Dividing by the total weight would not change the direction, and the result is normalised anyway.
        EmbeddingKernels.Normalize(sum);
        return sum;
    }

    /// <summary>One unit vector per document, computed in parallel (each document independently, so deterministic).</summary>
    public float[][] EmbedAll(IReadOnlyList<string[]> documents, TermWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        for (var d = 0; d < documents.Count; d++)
        {
            if (documents[d] is null)
                throw new ArgumentException($"Document {d} is null; pass an empty token array instead.", nameof(documents));
        }

        var vectors = new float[documents.Count][];
        Parallel.For(0, documents.Count, d => vectors[d] = Embed(documents[d], weights));
        return vectors;
    }
}
