namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>A trained <see cref="Doc2Vec"/> model: the word vectors and one raw (not normalised) vector per document.</summary>
public sealed class Doc2VecModel
{
    private readonly float[][] documents;

    internal Doc2VecModel(WordVectors words, float[][] documents)
    {
        Words = words;
        this.documents = documents;
    }

    /// <summary>The skip-gram word vectors trained alongside the documents.</summary>
    public WordVectors Words { get; }

    /// <summary>Length of every vector.</summary>
    public int Dimensions => Words.Dimensions;

    /// <summary>Number of document vectors, one per training document in input order.</summary>
    public int DocumentCount => documents.Length;

    /// <summary>The vector of training document <paramref name="document"/>.</summary>
    public ReadOnlySpan<float> DocumentVector(int document) => documents[document];

    /// <summary>Copies of the document vectors scaled to unit length, the form the clustering protocol receives.</summary>
    public float[][] UnitDocumentVectors()
    {
        var units = new float[documents.Length][];
        for (var d = 0; d < units.Length; d++)
        {
            units[d] = (float[])documents[d].Clone();
            EmbeddingKernels.Normalize(units[d]);
        }

        return units;
    }
}
