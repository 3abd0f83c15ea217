namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// fastText skip-gram (Bojanowski et al. 2017): a word is the mean of its own input row and the rows of its
/// character n-grams, hashed with FNV-1a into a bucket table, so unseen words still get a vector from their
/// n-grams. The mean (fastText's choice) points the same way as the sum, so cosines are those of the sum.
/// </summary>
public sealed class FastTextModel : IWordVectorSource
{
    private readonly float[] input;

    private FastTextModel(FastTextOptions options, EmbeddingVocabulary vocabulary, float[] input, InputRowMap rows)
    {
        Options = options;
        Vocabulary = vocabulary;
        this.input = input;
        var dimensions = options.Training.Dimensions;
        var composed = new float[(long)vocabulary.Count * dimensions];
        for (var word = 0; word < vocabulary.Count; word++)
            MeanOfRows(rows.RowsOf(word), composed.AsSpan(word * dimensions, dimensions));
        Words = new WordVectors(vocabulary, dimensions, composed);
    }

    /// <summary>The options the model was trained with.</summary>
    public FastTextOptions Options { get; }

    /// <summary>The words seen at least min_count times.</summary>
    public EmbeddingVocabulary Vocabulary { get; }

    /// <summary>The composed vectors of the vocabulary words, for nearest-neighbour queries and export.</summary>
    public WordVectors Words { get; }

    /// <inheritdoc />
    public int Dimensions => Options.Training.Dimensions;

    /// <summary>Trains on tokenised <paramref name="documents"/>, each one treated as a sentence.</summary>
    public static FastTextModel Train(IReadOnlyList<string[]> documents, FastTextOptions? options = null)
    {
        options ??= new FastTextOptions();
        options.Validate();
        var vocabulary = EmbeddingVocabulary.Build(documents, options.Training.MinCount);
        var rows = SubwordRows(vocabulary, options);
        var trainer = new SkipGramTrainer(options.Training, vocabulary, rows);
        return new FastTextModel(options, vocabulary, trainer.Train(documents), rows);
    }

    /// <summary>The vector of any word: composed for vocabulary words, from its n-grams alone otherwise.</summary>
    public float[] Vector(string word)
    {
        var vector = new float[Dimensions];
        if (!TryCopyVector(word, vector))
            throw new ArgumentException($"'{word}' is not in the vocabulary and has no n-gram of length {Options.MinN}..{Options.MaxN}.", nameof(word));
        return vector;
    }

    /// <inheritdoc />
    public bool TryCopyVector(string word, Span<float> destination)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        var index = Vocabulary.IndexOf(word);
        if (index >= 0)
        {
            Words[index].CopyTo(destination);
            return true;
        }

        var ngrams = CharacterNgrams.Extract(word, Options.MinN, Options.MaxN);
        if (ngrams.Length == 0)
            return false;
        var rows = new int[ngrams.Length];
        for (var i = 0; i < ngrams.Length; i++)
            rows[i] = BucketRow(ngrams[i], Vocabulary.Count, Options.BucketCount);
        MeanOfRows(rows, destination[..Dimensions]);
        return true;
    }

    /// <summary>The vocabulary words closest to <paramref name="word"/> (in or out of the vocabulary) by cosine.</summary>
    public IReadOnlyList<SimilarWord> MostSimilar(string word, int count) =>
        Words.MostSimilar(Vector(word), count, Vocabulary.IndexOf(word));

    private void MeanOfRows(ReadOnlySpan<int> rows, Span<float> destination)
    {
        var dimensions = Dimensions;
        destination.Clear();
        foreach (var row in rows)
            EmbeddingKernels.AddScaled(destination, input.AsSpan(row * dimensions, dimensions), 1f);
        EmbeddingKernels.Scale(destination, 1f / rows.Length);
    }

    private static int BucketRow(string ngram, int vocabularyCount, int bucketCount) =>
        vocabularyCount + (int)(Fnv1a.Hash(ngram) % (uint)bucketCount);

    private static InputRowMap SubwordRows(EmbeddingVocabulary vocabulary, FastTextOptions options)
    {
        var offsets = new int[vocabulary.Count + 1];
        var rows = new List<int>();
        for (var word = 0; word < vocabulary.Count; word++)
        {
            rows.Add(word);
            foreach (var ngram in CharacterNgrams.Extract(vocabulary[word], options.MinN, options.MaxN))
                rows.Add(BucketRow(ngram, vocabulary.Count, options.BucketCount));
            offsets[word + 1] = rows.Count;
        }

        return new InputRowMap(offsets, rows.ToArray(), vocabulary.Count + options.BucketCount);
    }
}
