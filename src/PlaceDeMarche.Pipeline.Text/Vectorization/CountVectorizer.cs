using System.Runtime.InteropServices;

using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Text.Vectorization;

/// <summary>
/// Bag of words over tokenised documents with scikit-learn's <c>CountVectorizer</c> semantics: learns a
/// vocabulary (n-grams, min_df/max_df, max_features, sorted ordinally) and counts terms per document.
/// Results are deterministic; <see cref="Transform"/> runs in parallel.
/// </summary>
public sealed class CountVectorizer
{
    // Enough documents per parallel chunk for the per-chunk buffers to pay for themselves.
    private const int DocumentsPerChunk = 64;

    private Vocabulary? vocabulary;

    /// <summary>Creates an unfitted vectorizer; throws <see cref="ArgumentException"/> on invalid options.</summary>
    public CountVectorizer(CountVectorizerOptions? options = null)
    {
        Options = options ?? new CountVectorizerOptions();
        if (Options.Ngrams.Min < 1)
            throw new ArgumentException($"Ngrams {Options.Ngrams} is invalid: it needs 1 <= min <= max.", nameof(options));
        if (Options.MaxFeatures is < 1)
            throw new ArgumentException($"MaxFeatures is {Options.MaxFeatures}; it must be at least 1, or null to keep every term.", nameof(options));
    }

    /// <summary>The settings in use.</summary>
    public CountVectorizerOptions Options { get; }

    /// <summary>A vectorizer already fitted to <paramref name="fitted"/> (e.g. a vocabulary saved with a model).</summary>
    public static CountVectorizer WithVocabulary(CountVectorizerOptions options, Vocabulary fitted) =>
        new(options) { vocabulary = fitted ?? throw new ArgumentNullException(nameof(fitted)) };

    /// <summary>Whether <see cref="Fit"/> or <see cref="FitTransform"/> has run.</summary>
    public bool IsFitted => vocabulary is not null;

    /// <summary>The learned vocabulary; columns of the matrices.</summary>
    public Vocabulary Vocabulary => vocabulary ?? throw NotFitted();

    /// <summary>Learns the vocabulary of <paramref name="documents"/> (token arrays, e.g. <c>CleanedDocument.Tokens</c>).</summary>
    public CountVectorizer Fit(IReadOnlyList<string[]> documents)
    {
        FitTransform(documents);
        return this;
    }

    /// <summary>Learns the vocabulary and returns the document × term count matrix in one pass.</summary>
    public SparseRowMatrix FitTransform(IReadOnlyList<string[]> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var indexer = new GrowingVocabularyIndexer();
        var builder = new SparseRowMatrixBuilder(documents.Count * 32);
        new TermCounter(Options.Ngrams, Options.Binary).CountRows(documents, 0, documents.Count, indexer, builder);
        if (indexer.Terms.Count == 0)
            throw new ArgumentException($"Empty vocabulary: the {documents.Count} documents hold no tokens (all removed by cleaning?).", nameof(documents));
        var provisional = builder.ToMatrix(indexer.Terms.Count);
        var newColumnOf = SelectVocabulary(indexer.Terms, provisional, out var kept);
        vocabulary = new Vocabulary(kept);
        return RemapColumns(provisional, newColumnOf, kept.Length);
    }

    /// <summary>Counts the vocabulary's terms in <paramref name="documents"/>; terms outside it are ignored.</summary>
    public SparseRowMatrix Transform(IReadOnlyList<string[]> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
            throw new ArgumentException("Transform needs at least one document; the list is empty.", nameof(documents));
        var indexer = new FixedVocabularyIndexer(Vocabulary);
        var chunkCount = (documents.Count + DocumentsPerChunk - 1) / DocumentsPerChunk;
        var parts = new SparseRowMatrixBuilder[chunkCount];
        // Each chunk fills its own builder; stacking them in chunk order keeps the result independent of scheduling.
        Parallel.For(0, chunkCount, () => new TermCounter(Options.Ngrams, Options.Binary), (chunk, _, counter) =>
        {
            var start = chunk * DocumentsPerChunk;
            var end = Math.Min(start + DocumentsPerChunk, documents.Count);
            parts[chunk] = new SparseRowMatrixBuilder((end - start) * 32);
            counter.CountRows(documents, start, end, indexer, parts[chunk]);
            return counter;
        }, _ => { });
        return SparseRowMatrixBuilder.Concatenate(parts, Vocabulary.Count);
    }

    /// <summary>
    /// Applies min_df/max_df then max_features (scikit-learn's order) to the provisional terms. Returns the new
    /// column of each provisional column (-1 when dropped) and the kept terms in ordinal order.
    /// </summary>
    private int[] SelectVocabulary(List<string> terms, SparseRowMatrix counts, out string[] kept)
    {
        var documentCount = counts.Rows;
        var minDocuments = Options.MinDf.Resolve(documentCount);
        var maxDocuments = Options.MaxDf.Resolve(documentCount);
        if (maxDocuments < minDocuments)
            throw new ArgumentException($"MaxDf {Options.MaxDf} allows at most {maxDocuments} of the {documentCount} documents, fewer than MinDf {Options.MinDf} requires ({minDocuments}); raise MaxDf or lower MinDf.");

        var documentFrequencies = new int[terms.Count];
        var totals = new double[terms.Count];
        var columns = counts.ColumnIndices;
        var values = counts.Values;
        for (var k = 0; k < columns.Length; k++)
        {
            documentFrequencies[columns[k]]++;
            totals[columns[k]] += values[k];
        }

        var ordinalOrder = Enumerable.Range(0, terms.Count).ToArray();
        Array.Sort(ordinalOrder, (a, b) => string.CompareOrdinal(terms[a], terms[b]));
        var candidates = ordinalOrder
            .Where(column => documentFrequencies[column] >= minDocuments && documentFrequencies[column] <= maxDocuments)
            .ToArray();
        if (Options.MaxFeatures is { } maxFeatures && candidates.Length > maxFeatures)
        {
            // Highest corpus count first; OrderBy is stable, so ties keep ordinal term order.
            candidates = candidates
                .Select((column, rank) => (column, rank))
                .OrderByDescending(pair => totals[pair.column])
                .Take(maxFeatures)
                .OrderBy(pair => pair.rank)
                .Select(pair => pair.column)
                .ToArray();
        }
        if (candidates.Length == 0)
            throw new ArgumentException($"No terms remain after pruning {terms.Count} terms with MinDf {Options.MinDf} and MaxDf {Options.MaxDf} over {documentCount} documents; lower MinDf or raise MaxDf.", "documents");

        var newColumnOf = new int[terms.Count];
        Array.Fill(newColumnOf, -1);
        kept = new string[candidates.Length];
        for (var i = 0; i < candidates.Length; i++)
        {
            newColumnOf[candidates[i]] = i;
            kept[i] = terms[candidates[i]];
        }
        return newColumnOf;
    }

    private static SparseRowMatrix RemapColumns(SparseRowMatrix provisional, int[] newColumnOf, int columnCount)
    {
        var builder = new SparseRowMatrixBuilder(provisional.NonZeroCount);
        var rowColumns = new List<int>();
        var rowValues = new List<float>();
        for (var row = 0; row < provisional.Rows; row++)
        {
            rowColumns.Clear();
            rowValues.Clear();
            var (columns, values) = provisional.Row(row);
            for (var k = 0; k < columns.Length; k++)
            {
                var column = newColumnOf[columns[k]];
                if (column < 0)
                    continue;
                rowColumns.Add(column);
                rowValues.Add(values[k]);
            }
            var keys = CollectionsMarshal.AsSpan(rowColumns);
            keys.Sort(CollectionsMarshal.AsSpan(rowValues));
            for (var k = 0; k < keys.Length; k++)
                builder.Append(keys[k], rowValues[k]);
            builder.EndRow();
        }
        return builder.ToMatrix(columnCount);
    }

    private static InvalidOperationException NotFitted() =>
        new("The CountVectorizer is not fitted yet: call Fit or FitTransform first.");
}
