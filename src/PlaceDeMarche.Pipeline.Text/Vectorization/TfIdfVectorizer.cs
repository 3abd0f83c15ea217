using System.Numerics.Tensors;

using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Text.Vectorization;

/// <summary>
/// TF-IDF over tokenised documents with scikit-learn's <c>TfidfVectorizer</c> semantics (a
/// <see cref="CountVectorizer"/> followed by idf weighting and row normalisation). Weights are computed in
/// double precision and stored as float.
/// </summary>
public sealed class TfIdfVectorizer
{
    private readonly CountVectorizer counter;
    private double[]? idf;

    /// <summary>Creates an unfitted vectorizer; throws <see cref="ArgumentException"/> on invalid options.</summary>
    public TfIdfVectorizer(TfIdfOptions? options = null)
    {
        Options = options ?? new TfIdfOptions();
        counter = new CountVectorizer(Options);
    }

    private TfIdfVectorizer(TfIdfOptions options, CountVectorizer fitted)
    {
        Options = options;
        counter = fitted;
    }

    /// <summary>The settings in use.</summary>
    public TfIdfOptions Options { get; }

    /// <summary>A vectorizer already fitted: the vocabulary and idf weights saved with a model.</summary>
    public static TfIdfVectorizer FromFitted(TfIdfOptions options, Vocabulary vocabulary, double[] idf)
    {
        ArgumentNullException.ThrowIfNull(idf);
        if (idf.Length != vocabulary.Count)
            throw new ArgumentException($"{idf.Length} idf weights for a vocabulary of {vocabulary.Count} terms.", nameof(idf));
        return new TfIdfVectorizer(options, CountVectorizer.WithVocabulary(options, vocabulary)) { idf = idf };
    }

    /// <summary>Whether <see cref="Fit"/> or <see cref="FitTransform"/> has run.</summary>
    public bool IsFitted => idf is not null;

    /// <summary>The learned vocabulary; columns of the matrices.</summary>
    public Vocabulary Vocabulary => counter.Vocabulary;

    /// <summary>The inverse document frequency of each column (all 1 when <see cref="TfIdfOptions.UseIdf"/> is off).</summary>
    public ReadOnlySpan<double> Idf => idf ?? throw NotFitted();

    /// <summary>Learns the vocabulary and idf weights of <paramref name="documents"/>.</summary>
    public TfIdfVectorizer Fit(IReadOnlyList<string[]> documents)
    {
        FitTransform(documents);
        return this;
    }

    /// <summary>Learns the vocabulary and idf weights and returns the document × term TF-IDF matrix.</summary>
    public SparseRowMatrix FitTransform(IReadOnlyList<string[]> documents)
    {
        var counts = counter.FitTransform(documents);
        idf = ComputeIdf(counts);
        return Weigh(counts, idf);
    }

    /// <summary>The TF-IDF matrix of <paramref name="documents"/> with the fitted vocabulary and idf; unknown terms are ignored.</summary>
    public SparseRowMatrix Transform(IReadOnlyList<string[]> documents)
    {
        var weights = idf ?? throw NotFitted();
        return Weigh(counter.Transform(documents), weights);
    }

    private double[] ComputeIdf(SparseRowMatrix counts)
    {
        var weights = new double[counts.Columns];
        if (!Options.UseIdf)
        {
            Array.Fill(weights, 1.0);
            return weights;
        }
        var documentFrequencies = new int[counts.Columns];
        foreach (var column in counts.ColumnIndices)
            documentFrequencies[column]++;
        // Smoothing adds one virtual document holding every term, so no df is zero and no idf infinite.
        var smoothing = Options.SmoothIdf ? 1.0 : 0.0;
        for (var column = 0; column < weights.Length; column++)
            weights[column] = Math.Log((counts.Rows + smoothing) / (documentFrequencies[column] + smoothing)) + 1.0;
        return weights;
    }

    private SparseRowMatrix Weigh(SparseRowMatrix counts, double[] weights)
    {
        var values = new float[counts.NonZeroCount];
        var rowWeights = new double[16];
        for (var row = 0; row < counts.Rows; row++)
        {
            var (rowColumns, rowCounts) = counts.Row(row);
            if (rowWeights.Length < rowCounts.Length)
                rowWeights = new double[Math.Max(rowCounts.Length, rowWeights.Length * 2)];
            var weighted = rowWeights.AsSpan(0, rowCounts.Length);
            for (var k = 0; k < weighted.Length; k++)
            {
                double tf = rowCounts[k];
                weighted[k] = (Options.SublinearTf ? Math.Log(tf) + 1.0 : tf) * weights[rowColumns[k]];
            }
            var norm = Options.Norm switch
            {
                VectorNorm.L2 => TensorPrimitives.Norm<double>(weighted),
                VectorNorm.L1 => TensorPrimitives.SumOfMagnitudes<double>(weighted),
                _ => 1.0,
            };
            if (norm > 0.0)
                TensorPrimitives.Divide(weighted, norm, weighted);
            var offset = counts.RowPointers[row];
            for (var k = 0; k < weighted.Length; k++)
                values[offset + k] = (float)weighted[k];
        }
        return new SparseRowMatrix(counts.Rows, counts.Columns, counts.RowPointers.ToArray(), counts.ColumnIndices.ToArray(), values);
    }

    private static InvalidOperationException NotFitted() =>
        new("The TfIdfVectorizer is not fitted yet: call Fit or FitTransform first.");
}
