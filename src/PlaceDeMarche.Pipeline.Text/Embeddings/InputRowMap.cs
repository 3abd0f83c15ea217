namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// For each vocabulary word, the rows of the input matrix whose mean represents it: the word's own row for
/// Word2Vec, the word's row plus its hashed n-gram rows for fastText. Stored flat (CSR) so the training loop
/// slices it without allocating.
/// </summary>
internal sealed class InputRowMap
{
    private readonly int[] offsets;
    private readonly int[] rows;

    public InputRowMap(int[] offsets, int[] rows, int rowCount)
    {
        this.offsets = offsets;
        this.rows = rows;
        RowCount = rowCount;
    }

    /// <summary>One row per word: word i is row i.</summary>
    public static InputRowMap Identity(int wordCount) =>
        new(Enumerable.Range(0, wordCount + 1).ToArray(), Enumerable.Range(0, wordCount).ToArray(), wordCount);

    /// <summary>Rows of the input matrix.</summary>
    public int RowCount { get; }

    /// <summary>The input rows of word <paramref name="word"/>.</summary>
    public ReadOnlySpan<int> RowsOf(int word) => rows.AsSpan(offsets[word], offsets[word + 1] - offsets[word]);
}
