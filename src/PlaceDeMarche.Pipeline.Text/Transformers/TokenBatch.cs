namespace PlaceDeMarche.Pipeline.Text.Transformers;

/// <summary>
/// Texts encoded for a BERT-style model, row-major [<see cref="Count"/>, <see cref="Length"/>]: each row is
/// [CLS] pieces [SEP] then [PAD] up to the longest row of the batch.
/// </summary>
/// <param name="Count">Number of texts (rows).</param>
/// <param name="Length">Tokens per row, padding included.</param>
/// <param name="InputIds">Vocabulary ids.</param>
/// <param name="AttentionMask">1 for real tokens (specials included), 0 for padding.</param>
/// <param name="TokenTypeIds">Segment ids: 0 everywhere, as every row holds a single sentence.</param>
/// <param name="TruncatedCount">How many texts lost pieces to the token limit.</param>
public sealed record TokenBatch(int Count, int Length, long[] InputIds, long[] AttentionMask, long[] TokenTypeIds, int TruncatedCount)
{
    /// <summary>The ids of row <paramref name="row"/>, padding included.</summary>
    public ReadOnlySpan<long> Row(int row) => InputIds.AsSpan(row * Length, Length);
}
