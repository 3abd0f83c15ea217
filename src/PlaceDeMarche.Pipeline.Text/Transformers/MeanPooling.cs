using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Text.Transformers;

/// <summary>
/// Sentence vectors from a transformer's token states: the mean of the states of the tokens the attention mask
/// keeps (sentence-transformers' "mean pooling"), so padding never changes a sentence's vector.
/// </summary>
public static class MeanPooling
{
    /// <summary>
    /// Pools <paramref name="hiddenStates"/> [batch, sequence, dimensions] (row-major) into
    /// <paramref name="destination"/> [batch, dimensions]. A row whose mask keeps no token gets the zero vector.
    /// </summary>
    /// <param name="attentionMask">[batch, sequence]; non-zero keeps a token.</param>
    public static void Pool(ReadOnlySpan<float> hiddenStates, ReadOnlySpan<long> attentionMask, int batch, int sequence, int dimensions, Span<float> destination)
    {
        if (hiddenStates.Length != batch * sequence * dimensions || attentionMask.Length != batch * sequence || destination.Length < batch * dimensions)
        {
            throw new ArgumentException(
                $"Mean pooling of [{batch}, {sequence}, {dimensions}] states needs {batch * sequence * dimensions} values, a [{batch}, {sequence}] mask and room for {batch * dimensions} results; " +
                $"got {hiddenStates.Length} values, a mask of {attentionMask.Length} and room for {destination.Length}.");
        }

        for (var row = 0; row < batch; row++)
        {
            var pooled = destination.Slice(row * dimensions, dimensions);
            pooled.Clear();
            var kept = 0;
            for (var token = 0; token < sequence; token++)
            {
                if (attentionMask[row * sequence + token] != 0)
                {
                    EmbeddingKernels.AddScaled(pooled, hiddenStates.Slice((row * sequence + token) * dimensions, dimensions), 1f);
                    kept++;
                }
            }

            if (kept > 0)
            {
                foreach (ref var value in pooled)
                {
                    value /= kept;
                }
            }
        }
    }
}
