namespace PlaceDeMarche.Pipeline.Text.Vectorization;

/// <summary>Looks terms up in a fitted vocabulary; unknown terms are skipped. Read-only, so safe to share across threads.</summary>
internal sealed class FixedVocabularyIndexer(Vocabulary vocabulary) : ITermIndexer
{
    public int IndexOf(ReadOnlySpan<char> term, string? unigram) => vocabulary.IndexOf(term);
}
