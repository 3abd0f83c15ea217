using BertTokenizer = Microsoft.ML.Tokenizers.BertTokenizer;
using BertOptions = Microsoft.ML.Tokenizers.BertOptions;
using PlaceDeMarche.Pipeline.Dataset.Products;
using PlaceDeMarche.Pipeline.Text.Html;
using PlaceDeMarche.Pipeline.Text.Transformers;

namespace PlaceDeMarche.Pipeline.Benchmarks;

/// <summary>
/// Our WordPiece tokenizer against Microsoft.ML.Tokenizers' BertTokenizer on every product's name + description (the
/// text the transformer stages embed): same vocabulary, uncased, no special tokens; counts the products whose token
/// ids are identical and prints the first differing ones.
/// </summary>
internal static class TokenizerComparison
{
    private const int ShownDifferences = 10;

    public static void Run(string csvPath, string vocabularyPath)
    {
        var catalog = FlipkartCatalog.Load(csvPath, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(csvPath)) ?? ".", "Images"));
        var ours = new WordPieceTokenizer(WordPieceVocabulary.Load(vocabularyPath), lowercase: true);
        var library = BertTokenizer.Create(vocabularyPath, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        var identical = 0;
        var identicalWithSpaces = 0;
        var shown = 0;
        var ids = new List<int>();
        foreach (var product in catalog.Products)
        {
            var text = HtmlEntityDecoder.Decode($"{product.ProductName}\n{product.Description}");
            identical += SameIds(ours, library, text, ids, out _) ? 1 : 0;
            // The same text with its line break written as a space: the differences that remain are listed.
            if (SameIds(ours, library, text.Replace('\n', ' '), ids, out var theirs))
            {
                identicalWithSpaces++;
            }
            else if (shown++ < ShownDifferences)
            {
                var at = ids.Zip(theirs).TakeWhile(pair => pair.First == pair.Second).Count();
                Console.WriteLine(
                    $"{product.UniqId}: {ids.Count} ids (ours) vs {theirs.Count} (library), first difference at piece {at}: " +
                    $"ours '{Piece(ours, ids, at)}', library '{Piece(ours, theirs, at)}' around \"{Excerpt(ours, ids, at)}\"");
            }
        }

        Console.WriteLine($"{catalog.Products.Count} products compared, {identical} identical token id sequences ({Path.GetFileName(vocabularyPath)}); "
            + $"{identicalWithSpaces} identical once the line break between name and description is written as a space.");
    }

    private static bool SameIds(WordPieceTokenizer ours, BertTokenizer library, string text, List<int> ids, out IReadOnlyList<int> theirs)
    {
        ids.Clear();
        ours.AppendPieceIds(text, ids);
        theirs = library.EncodeToIds(text, addSpecialTokens: false, considerPreTokenization: true, considerNormalization: true);
        return ids.SequenceEqual(theirs);
    }

    private static string Piece(WordPieceTokenizer tokenizer, IReadOnlyList<int> ids, int at) =>
        at < ids.Count ? tokenizer.Vocabulary[ids[at]] : "(end)";

    private static string Excerpt(WordPieceTokenizer tokenizer, IReadOnlyList<int> ids, int at) =>
        string.Join(' ', ids.Skip(Math.Max(0, at - 3)).Take(7).Select(id => tokenizer.Vocabulary[id]));
}
