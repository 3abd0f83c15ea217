using PlaceDeMarche.Pipeline.Text.Transformers;

namespace PlaceDeMarche.Pipeline.Text.Tests.Transformers;

/// <summary>Expected pieces worked out by hand from BERT's algorithm (basic tokenization, then greedy longest match).</summary>
public sealed class WordPieceTokenizerTests
{
    private static readonly WordPieceVocabulary Vocabulary = WordPieceVocabulary.FromTokens(
    [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "hello", "world", "##s", ",", "!", "cafe", "angstrom",
        "naive", "中", "国", "a", "##a", "$", "Hello", "é", "##ll", "he",
    ]);

    private static readonly WordPieceTokenizer Uncased = new(Vocabulary, lowercase: true);

    private static readonly WordPieceTokenizer Cased = new(Vocabulary, lowercase: false);

    [Fact]
    public void SplitsUnaffableAsInTheBertReadme() =>
        Assert.Equal(["un", "##aff", "##able"], Uncased.Tokenize("unaffable"));

    [Fact]
    public void LowercasesAndStripsAccentsOnlyWhenAsked()
    {
        Assert.Equal(["un", "##aff", "##able"], Uncased.Tokenize("UNAFFABLE"));
        Assert.Equal(["cafe", "angstrom", "naive"], Uncased.Tokenize("Café Ångström NAÏVE"));
        // Cased: "Café" has no piece for "##fé" → the whole word is unknown; "é" alone stays accented.
        Assert.Equal(["[UNK]", "Hello", "é"], Cased.Tokenize("Café Hello é"));
    }

    [Fact]
    public void SplitsPunctuationAndAsciiSymbolsIntoWordsOfTheirOwn() =>
        Assert.Equal(["hello", ",", "world", "!", "!", "$", "a"], Uncased.Tokenize("hello,world!! $a"));

    [Fact]
    public void SplitsCjkIdeographsOneByOne() =>
        Assert.Equal(["中", "国", "hello"], Uncased.Tokenize("中国hello"));

    [Fact]
    public void DropsControlAndFormatCharactersAndSplitsOnAnyWhitespace() =>
        // U+0000 and U+200B (zero-width space, a format character) vanish; NBSP, tab and newline separate words.
        Assert.Equal(["hello", "world", "a", "hello"], Uncased.Tokenize("hel\0lo\u200B\u00A0world\ta\nhello"));

    [Fact]
    public void TakesTheLongestPieceFirstAndContinuesWithHashes()
    {
        Assert.Equal(["hello", "##s"], Uncased.Tokenize("hellos"));
        // "he" + "##ll", then "##x" is missing: the whole word is unknown (no partial pieces kept).
        Assert.Equal(["[UNK]"], Uncased.Tokenize("hellx"));
        Assert.Equal(["[UNK]", "world"], Uncased.Tokenize("unknownword world"));
    }

    [Fact]
    public void MapsWordsLongerThanOneHundredCodePointsToUnknown()
    {
        Assert.Equal(["a", .. Enumerable.Repeat("##a", 99)], Uncased.Tokenize(new string('a', 100)));
        Assert.Equal(["[UNK]"], Uncased.Tokenize(new string('a', 101)));
    }

    [Fact]
    public void EncodesABatchWithSpecialTokensPaddingAndMask()
    {
        var batch = Uncased.EncodeBatch(["hello", "hello, world"], maxTokens: 8);

        Assert.Equal(2, batch.Count);
        Assert.Equal(5, batch.Length);
        // [CLS]=2 hello=7 [SEP]=3 [PAD]=0 ; [CLS] hello ,=10 world=8 [SEP]
        Assert.Equal([2L, 7, 3, 0, 0, 2, 7, 10, 8, 3], batch.InputIds);
        Assert.Equal([1L, 1, 1, 0, 0, 1, 1, 1, 1, 1], batch.AttentionMask);
        Assert.Equal(new long[10], batch.TokenTypeIds);
        Assert.Equal(0, batch.TruncatedCount);
    }

    [Fact]
    public void TruncatesToTheTokenLimitKeepingTheBeginningAndTheSeparator()
    {
        var batch = Uncased.EncodeBatch(["hello world hello world", "hello"], maxTokens: 4);

        Assert.Equal(4, batch.Length);
        Assert.Equal([2L, 7, 8, 3], batch.Row(0).ToArray());
        Assert.Equal([2L, 7, 3, 0], batch.Row(1).ToArray());
        Assert.Equal(1, batch.TruncatedCount);
    }

    [Fact]
    public void ReadsVocabTxtAndRejectsOneWithoutSpecialTokens()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "hello\r"]);
            var loaded = WordPieceVocabulary.Load(path);
            Assert.Equal(5, loaded.Count);
            Assert.True(loaded.TryGetId("hello", out var id));
            Assert.Equal(4, id);
            Assert.Equal((2, 3, 0, 1), (loaded.ClassificationId, loaded.SeparatorId, loaded.PaddingId, loaded.UnknownId));

            File.WriteAllLines(path, ["[PAD]", "[CLS]", "[SEP]", "hello"]);
            var error = Assert.Throws<InvalidDataException>(() => WordPieceVocabulary.Load(path));
            Assert.Contains("[UNK]", error.Message);
            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
