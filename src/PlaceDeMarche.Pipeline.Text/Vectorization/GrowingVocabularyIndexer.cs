namespace PlaceDeMarche.Pipeline.Text.Vectorization;

/// <summary>Gives each new term the next provisional column, in order of first appearance.</summary>
internal sealed class GrowingVocabularyIndexer : ITermIndexer
{
    private readonly Dictionary<string, int> indexByTerm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> spanLookup;

    public GrowingVocabularyIndexer() => spanLookup = indexByTerm.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Terms by provisional column.</summary>
    public List<string> Terms { get; } = [];

    public int IndexOf(ReadOnlySpan<char> term, string? unigram)
    {
        if (spanLookup.TryGetValue(term, out var index))
            return index;
        index = Terms.Count;
        var key = unigram ?? term.ToString();
        indexByTerm.Add(key, index);
        Terms.Add(key);
        return index;
    }
}
