namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// The words kept for training (seen at least min_count times), most frequent first and ties in ordinal order, so
/// word indices do not depend on the order of the documents.
/// </summary>
public sealed class EmbeddingVocabulary
{
    private readonly string[] words;
    private readonly long[] counts;
    private readonly Dictionary<string, int> indexByWord;

    private EmbeddingVocabulary(string[] words, long[] counts)
    {
        this.words = words;
        this.counts = counts;
        indexByWord = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
            indexByWord.Add(words[i], i);
        TotalCount = counts.Sum();
    }

    /// <summary>Counts the tokens of <paramref name="documents"/> and keeps those seen at least <paramref name="minCount"/> times.</summary>
    public static EmbeddingVocabulary Build(IReadOnlyList<string[]> documents, int minCount)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        var countByWord = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d] ?? throw new ArgumentException($"Document {d} is null; pass an empty token array instead.", nameof(documents));
            foreach (var token in document)
            {
                if (string.IsNullOrEmpty(token))
                    throw new ArgumentException($"Document {d} contains a null or empty token; clean the documents first.", nameof(documents));
                countByWord[token] = countByWord.GetValueOrDefault(token) + 1;
            }
        }

        var kept = countByWord.Where(pair => pair.Value >= minCount)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .ToArray();
        return new EmbeddingVocabulary(kept.Select(pair => pair.Key).ToArray(), kept.Select(pair => pair.Value).ToArray());
    }

    /// <summary>Number of words.</summary>
    public int Count => words.Length;

    /// <summary>Sum of the counts of the kept words.</summary>
    public long TotalCount { get; }

    /// <summary>The words, by index.</summary>
    public IReadOnlyList<string> Words => words;

    /// <summary>The corpus counts, by word index.</summary>
    public ReadOnlySpan<long> Counts => counts;

    /// <summary>The word of index <paramref name="index"/>.</summary>
    public string this[int index] => words[index];

    /// <summary>The index of <paramref name="word"/>, or -1 when it is not in the vocabulary.</summary>
    public int IndexOf(string word) => indexByWord.TryGetValue(word, out var index) ? index : -1;
}
