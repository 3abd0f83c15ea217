namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>One float vector per vocabulary word (row-major), with cosine nearest-neighbour queries.</summary>
public sealed class WordVectors : IWordVectorSource
{
    private readonly float[] vectors;
    private readonly Lazy<float[]> unitVectors;

    /// <summary>Wraps <paramref name="vectors"/> (vocabulary.Count rows of <paramref name="dimensions"/> floats).</summary>
    public WordVectors(EmbeddingVocabulary vocabulary, int dimensions, float[] vectors)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (vectors.Length != (long)vocabulary.Count * dimensions)
            throw new ArgumentException($"Expected {vocabulary.Count} x {dimensions} = {(long)vocabulary.Count * dimensions} floats, got {vectors.Length}.", nameof(vectors));
        Vocabulary = vocabulary;
        Dimensions = dimensions;
        this.vectors = vectors;
        unitVectors = new Lazy<float[]>(NormalizeRows);
    }

    /// <summary>The words, their indices and counts.</summary>
    public EmbeddingVocabulary Vocabulary { get; }

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <summary>All vectors, row-major: word i occupies [i * Dimensions, (i + 1) * Dimensions).</summary>
    public ReadOnlySpan<float> Matrix => vectors;

    /// <summary>The vector of word index <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> this[int index] => vectors.AsSpan(index * Dimensions, Dimensions);

    /// <summary>The vector of <paramref name="word"/>; throws when the word is not in the vocabulary.</summary>
    public ReadOnlySpan<float> Vector(string word) => this[RequireIndex(word)];

    /// <inheritdoc />
    public bool TryCopyVector(string word, Span<float> destination)
    {
        var index = Vocabulary.IndexOf(word);
        if (index < 0)
            return false;
        this[index].CopyTo(destination);
        return true;
    }

    /// <summary>The <paramref name="count"/> words closest to <paramref name="word"/> by cosine, the word itself excluded.</summary>
    public IReadOnlyList<SimilarWord> MostSimilar(string word, int count) => MostSimilar(Vector(word), count, RequireIndex(word));

    /// <summary>
    /// The <paramref name="count"/> words closest to <paramref name="query"/> by cosine, best first (ties by word
    /// index), skipping word index <paramref name="excludedIndex"/> (-1 for none).
    /// </summary>
    public IReadOnlyList<SimilarWord> MostSimilar(ReadOnlySpan<float> query, int count, int excludedIndex = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 0);
        if (query.Length != Dimensions)
            throw new ArgumentException($"The query has {query.Length} dimensions; the vectors have {Dimensions}.", nameof(query));
        var unitQuery = query.ToArray();
        EmbeddingKernels.Normalize(unitQuery);
        var units = unitVectors.Value;
        var scored = new List<(float Similarity, int Index)>(Vocabulary.Count);
        for (var i = 0; i < Vocabulary.Count; i++)
        {
            if (i != excludedIndex)
                scored.Add((EmbeddingKernels.Dot(unitQuery, units.AsSpan(i * Dimensions, Dimensions)), i));
        }

        scored.Sort((left, right) => left.Similarity != right.Similarity
            ? right.Similarity.CompareTo(left.Similarity)
            : left.Index.CompareTo(right.Index));
        return scored.Take(count).Select(pair => new SimilarWord(Vocabulary[pair.Index], pair.Similarity)).ToArray();
    }

    /// <summary>Cosine similarity of two vocabulary words.</summary>
    public float Similarity(string left, string right)
    {
        var units = unitVectors.Value;
        return EmbeddingKernels.Dot(units.AsSpan(RequireIndex(left) * Dimensions, Dimensions), units.AsSpan(RequireIndex(right) * Dimensions, Dimensions));
    }

    private int RequireIndex(string word)
    {
        var index = Vocabulary.IndexOf(word);
        return index >= 0
            ? index
            : throw new KeyNotFoundException($"'{word}' is not in the embedding vocabulary ({Vocabulary.Count} words seen at least min_count times).");
    }

    private float[] NormalizeRows()
    {
        var units = (float[])vectors.Clone();
        for (var i = 0; i < Vocabulary.Count; i++)
            EmbeddingKernels.Normalize(units.AsSpan(i * Dimensions, Dimensions));
        return units;
    }
}
