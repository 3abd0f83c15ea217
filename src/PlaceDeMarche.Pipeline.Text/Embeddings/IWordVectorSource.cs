namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>Something that maps a word to a vector: trained Word2Vec vectors or a fastText model.</summary>
public interface IWordVectorSource
{
    /// <summary>Length of the vectors.</summary>
    int Dimensions { get; }

    /// <summary>Writes the vector of <paramref name="word"/> into <paramref name="destination"/>; false when the word has none.</summary>
    bool TryCopyVector(string word, Span<float> destination);
}
