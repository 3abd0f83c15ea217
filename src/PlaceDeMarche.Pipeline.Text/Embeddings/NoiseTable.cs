namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// Noise distribution of negative sampling: word i is drawn with probability count_i^exponent / sum_j count_j^exponent.
/// As in word2vec, a table of word indices is filled in proportion to those probabilities so a draw is one lookup;
/// slot s holds the word whose cumulative probability interval contains (s + 0.5) / size, which keeps each word's
/// share within one slot of exact.
/// </summary>
public sealed class NoiseTable
{
    private readonly int[] slots;

    /// <summary>Builds the table from word counts (all positive).</summary>
    public NoiseTable(ReadOnlySpan<long> counts, double exponent, int size = 1 << 20)
    {
        if (counts.IsEmpty)
            throw new ArgumentException("The noise table needs at least one word; the vocabulary is empty (lower min_count or check the documents).", nameof(counts));
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var total = 0.0;
        foreach (var count in counts)
        {
            if (count <= 0)
                throw new ArgumentException("Word counts of the noise table must be positive.", nameof(counts));
            total += Math.Pow(count, exponent);
        }

        slots = new int[size];
        var word = 0;
        var cumulative = Math.Pow(counts[0], exponent) / total;
        for (var s = 0; s < size; s++)
        {
            var position = (s + 0.5) / size;
            while (position > cumulative && word < counts.Length - 1)
            {
                word++;
                cumulative += Math.Pow(counts[word], exponent) / total;
            }

            slots[s] = word;
        }
    }

    /// <summary>Number of slots.</summary>
    public int Size => slots.Length;

    /// <summary>The word index held by each slot.</summary>
    public ReadOnlySpan<int> Slots => slots;

    /// <summary>The word held by slot <paramref name="slot"/>.</summary>
    public int this[int slot] => slots[slot];
}
