using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Text.Tests.Embeddings;

public sealed class EmbeddingVocabularyTests
{
    [Fact]
    public void Words_are_kept_by_min_count_and_sorted_by_count_then_ordinal()
    {
        string[][] documents = [["pear", "apple", "fig"], ["apple", "pear", "kiwi"], ["apple", "date", "date"]];
        var vocabulary = EmbeddingVocabulary.Build(documents, 2);
        Assert.Equal(["apple", "date", "pear"], vocabulary.Words);
        Assert.Equal([3L, 2L, 2L], vocabulary.Counts.ToArray());
        Assert.Equal(7, vocabulary.TotalCount);
        Assert.Equal(2, vocabulary.IndexOf("pear"));
        Assert.Equal(-1, vocabulary.IndexOf("fig"));
    }

    [Fact]
    public void Empty_tokens_are_rejected_with_the_document_number()
    {
        var error = Assert.Throws<ArgumentException>(() => EmbeddingVocabulary.Build([["a"], ["b", ""]], 1));
        Assert.Contains("Document 1", error.Message);
    }
}
