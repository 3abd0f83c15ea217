namespace PlaceDeMarche.Pipeline.Text.Vectorization;

/// <summary>Counts the n-grams of tokenised documents into CSR rows (one row per document, columns ascending).</summary>
internal sealed class TermCounter(NgramRange ngrams, bool binary)
{
    private float[] counts = new float[1024];
    private int[] touchedColumns = new int[256];
    private char[] ngramBuffer = new char[256];

    /// <summary>Appends one row per document of <paramref name="documents"/>[start..end) to <paramref name="builder"/>.</summary>
    public void CountRows(IReadOnlyList<string[]> documents, int start, int end, ITermIndexer indexer, SparseRowMatrixBuilder builder)
    {
        for (var d = start; d < end; d++)
        {
            var tokens = documents[d] ?? throw new ArgumentException($"Document {d} is null; pass an empty token array for an empty document.", nameof(documents));
            var touchedCount = 0;
            for (var n = ngrams.Min; n <= ngrams.Max; n++)
            {
                for (var first = 0; first + n <= tokens.Length; first++)
                {
                    var column = n == 1
                        ? indexer.IndexOf(tokens[first] ?? throw new ArgumentException($"Document {d}, token {first} is null.", nameof(documents)), tokens[first])
                        : indexer.IndexOf(JoinNgram(tokens, first, n, d), null);
                    if (column >= 0)
                        Add(column, ref touchedCount);
                }
            }
            EmitRow(touchedCount, builder);
        }
    }

    private void Add(int column, ref int touchedCount)
    {
        if (column >= counts.Length)
            Array.Resize(ref counts, Math.Max(column + 1, counts.Length * 2));
        if (counts[column]++ != 0)
            return;
        if (touchedCount == touchedColumns.Length)
            Array.Resize(ref touchedColumns, touchedColumns.Length * 2);
        touchedColumns[touchedCount++] = column;
    }

    private void EmitRow(int touchedCount, SparseRowMatrixBuilder builder)
    {
        var touched = touchedColumns.AsSpan(0, touchedCount);
        touched.Sort();
        foreach (var column in touched)
        {
            builder.Append(column, binary ? 1f : counts[column]);
            counts[column] = 0f;
        }
        builder.EndRow();
    }

    /// <summary>Joins tokens[first..first+n) with single spaces, as scikit-learn forms word n-grams.</summary>
    private ReadOnlySpan<char> JoinNgram(string[] tokens, int first, int n, int documentIndex)
    {
        var length = n - 1;
        for (var i = first; i < first + n; i++)
            length += (tokens[i] ?? throw new ArgumentException($"Document {documentIndex}, token {i} is null.", "documents")).Length;
        if (length > ngramBuffer.Length)
            ngramBuffer = new char[Math.Max(length, ngramBuffer.Length * 2)];
        var position = 0;
        for (var i = first; i < first + n; i++)
        {
            if (i > first)
                ngramBuffer[position++] = ' ';
            tokens[i].CopyTo(ngramBuffer.AsSpan(position));
            position += tokens[i].Length;
        }
        return ngramBuffer.AsSpan(0, length);
    }
}
