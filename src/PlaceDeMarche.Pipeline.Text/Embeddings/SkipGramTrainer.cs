using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// The skip-gram / negative sampling loop shared by <see cref="Word2Vec"/>, <see cref="FastTextModel"/> and
/// <see cref="Doc2Vec"/>. Each (centre, context) pair predicts the context word from the mean of the centre word's
/// input rows (one row for Word2Vec, word + n-gram rows for fastText); the accumulated input gradient is added to
/// every one of those rows. With document vectors (PV-DBOW), each document owns one more input row, placed after the
/// word rows, which predicts every kept word of the document in the same pass as the word pairs.
/// <para>
/// Training is single-threaded on purpose: Hogwild parallel SGD makes results depend on thread timing, and the
/// study needs bit-identical vectors for a seed. With SIMD dot/axpy a 50k-token corpus trains in about a second,
/// so a deterministic parallel scheme (partitions merged in fixed order) would buy little and change the maths.
/// </para>
/// </summary>
internal sealed class SkipGramTrainer
{
    private readonly Word2VecOptions options;
    private readonly EmbeddingVocabulary vocabulary;
    private readonly InputRowMap inputRows;
    private readonly NoiseTable noise;
    private readonly float[] keepProbability;
    private readonly int dimensions;
    private readonly float[] input;
    private readonly float[] output;
    private readonly float[] hidden;
    private readonly float[] gradient;
    private readonly int[] documentRows;
    private readonly Xoshiro256StarStar random;
    private float learningRate;

    /// <param name="documentVectors">Number of documents that get their own trained vector (0 for word vectors only).</param>
    public SkipGramTrainer(Word2VecOptions options, EmbeddingVocabulary vocabulary, InputRowMap inputRows, int documentVectors = 0)
    {
        this.options = options;
        this.vocabulary = vocabulary;
        this.inputRows = inputRows;
        dimensions = options.Dimensions;
        noise = new NoiseTable(vocabulary.Counts, options.NoiseExponent);
        keepProbability = KeepProbabilities(vocabulary, options.Sample);
        random = new Xoshiro256StarStar(options.Seed);
        documentRows = Enumerable.Range(inputRows.RowCount, documentVectors).ToArray();
        input = new float[((long)inputRows.RowCount + documentVectors) * dimensions];
        for (var i = 0; i < input.Length; i++)
            input[i] = ((float)random.NextDouble() - 0.5f) / dimensions;
        output = new float[(long)vocabulary.Count * dimensions];
        hidden = new float[dimensions];
        gradient = new float[dimensions];
    }

    /// <summary>
    /// Trains on <paramref name="documents"/> (each one a sentence) and returns the input matrix, row-major: the word
    /// rows, then one row per document when document vectors were asked for.
    /// </summary>
    public float[] Train(IReadOnlyList<string[]> documents)
    {
        if (documentRows.Length > 0 && documentRows.Length != documents.Count)
            throw new ArgumentException($"The trainer holds {documentRows.Length} document vectors but got {documents.Count} documents; pass the same documents.", nameof(documents));
        var encoded = Encode(documents);
        var totalWords = (double)options.Epochs * encoded.Sum(document => document.Length);
        var sentence = new int[encoded.Length == 0 ? 0 : encoded.Max(document => document.Length)];
        long processed = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            for (var d = 0; d < encoded.Length; d++)
            {
                var document = encoded[d];
                var length = 0;
                foreach (var word in document)
                {
                    if (keepProbability[word] >= 1f || (float)random.NextDouble() < keepProbability[word])
                        sentence[length++] = word;
                }

                for (var position = 0; position < length; position++)
                {
                    // Linear decay over all words of all epochs, updated per word as in word2vec.
                    var progress = (processed + position * (double)document.Length / Math.Max(length, 1)) / totalWords;
                    learningRate = Math.Max(options.MinLearningRate,
                        (float)(options.InitialLearningRate - (options.InitialLearningRate - options.MinLearningRate) * progress));
                    var reach = options.Window - random.NextInt(options.Window);
                    var first = Math.Max(0, position - reach);
                    var last = Math.Min(length - 1, position + reach);
                    for (var context = first; context <= last; context++)
                    {
                        if (context != position)
                            TrainPair(inputRows.RowsOf(sentence[position]), sentence[context]);
                    }

                    if (documentRows.Length > 0)
                        TrainPair(documentRows.AsSpan(d, 1), sentence[position]);
                }

                processed += document.Length;
            }
        }

        return input;
    }

    private int[][] Encode(IReadOnlyList<string[]> documents)
    {
        var encoded = new int[documents.Count][];
        var buffer = new List<int>();
        for (var d = 0; d < documents.Count; d++)
        {
            buffer.Clear();
            foreach (var token in documents[d])
            {
                var index = vocabulary.IndexOf(token);
                if (index >= 0)
                    buffer.Add(index);
            }

            encoded[d] = buffer.ToArray();
        }

        return encoded;
    }

    /// <summary>One negative-sampling step: the mean of input <paramref name="rows"/> predicts <paramref name="context"/>.</summary>
    private void TrainPair(ReadOnlySpan<int> rows, int context)
    {
        var hiddenSpan = hidden.AsSpan();
        var gradientSpan = gradient.AsSpan();
        InputRow(rows[0]).CopyTo(hiddenSpan);
        if (rows.Length > 1)
        {
            for (var r = 1; r < rows.Length; r++)
                EmbeddingKernels.AddScaled(hiddenSpan, InputRow(rows[r]), 1f);
            EmbeddingKernels.Scale(hiddenSpan, 1f / rows.Length);
        }

        gradientSpan.Clear();
        for (var draw = 0; draw <= options.Negative; draw++)
        {
            int target;
            float label;
            if (draw == 0)
            {
                target = context;
                label = 1f;
            }
            else
            {
                target = noise[random.NextInt(noise.Size)];
                if (target == context)
                    continue;
                label = 0f;
            }

            var targetRow = output.AsSpan(target * dimensions, dimensions);
            var score = EmbeddingKernels.Dot(hiddenSpan, targetRow);
            var step = (label - Sigmoid(score)) * learningRate;
            EmbeddingKernels.AddScaled(gradientSpan, targetRow, step);
            EmbeddingKernels.AddScaled(targetRow, hiddenSpan, step);
        }

        foreach (var row in rows)
            EmbeddingKernels.AddScaled(InputRow(row), gradientSpan, 1f);
    }

    private Span<float> InputRow(int row) => input.AsSpan(row * dimensions, dimensions);

    private static float Sigmoid(float score) => 1f / (1f + MathF.Exp(-score));

    /// <summary>word2vec's sub-sampling: keep a word with probability (sqrt(f / t) + 1) t / f, f its corpus frequency.</summary>
    private static float[] KeepProbabilities(EmbeddingVocabulary vocabulary, double sample)
    {
        var keep = new float[vocabulary.Count];
        for (var i = 0; i < keep.Length; i++)
        {
            if (sample <= 0)
            {
                keep[i] = 1f;
                continue;
            }

            var threshold = sample * vocabulary.TotalCount;
            var count = (double)vocabulary.Counts[i];
            keep[i] = (float)((Math.Sqrt(count / threshold) + 1) * threshold / count);
        }

        return keep;
    }
}
