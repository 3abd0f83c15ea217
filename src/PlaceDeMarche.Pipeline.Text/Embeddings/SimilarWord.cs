namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>A neighbour returned by MostSimilar: the word and its cosine similarity to the query.</summary>
public readonly record struct SimilarWord(string Word, float Similarity);
