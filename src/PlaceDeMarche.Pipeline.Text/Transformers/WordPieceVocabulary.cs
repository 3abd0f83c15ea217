namespace PlaceDeMarche.Pipeline.Text.Transformers;

/// <summary>
/// A BERT-style WordPiece vocabulary (<c>vocab.txt</c>: one token per line, the line number is the id), with the
/// ids of the special tokens the encoder needs: [CLS], [SEP], [PAD] and [UNK].
/// </summary>
public sealed class WordPieceVocabulary
{
    public const string ClassificationToken = "[CLS]";
    public const string SeparatorToken = "[SEP]";
    public const string PaddingToken = "[PAD]";
    public const string UnknownToken = "[UNK]";

    private readonly string[] tokens;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ids;

    private WordPieceVocabulary(string[] tokens, string source)
    {
        this.tokens = tokens;
        var byToken = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        for (var id = 0; id < tokens.Length; id++)
        {
            // BERT's loader keeps the last id of a repeated line; the first is as good and keeps ids stable when appending.
            byToken.TryAdd(tokens[id], id);
        }

        ids = byToken.GetAlternateLookup<ReadOnlySpan<char>>();
        ClassificationId = Special(ClassificationToken, source);
        SeparatorId = Special(SeparatorToken, source);
        PaddingId = Special(PaddingToken, source);
        UnknownId = Special(UnknownToken, source);
    }

    /// <summary>Number of ids.</summary>
    public int Count => tokens.Length;

    public int ClassificationId { get; }

    public int SeparatorId { get; }

    public int PaddingId { get; }

    public int UnknownId { get; }

    /// <summary>The token of an id.</summary>
    public string this[int id] => tokens[id];

    /// <summary>Reads a <c>vocab.txt</c> (UTF-8, one token per line; trailing spaces and '\r' are ignored).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A special token is missing.</exception>
    public static WordPieceVocabulary Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"WordPiece vocabulary '{Path.GetFullPath(path)}' does not exist: it is the vocab.txt exported with the model (one token per line).", path);
        }

        return new WordPieceVocabulary(File.ReadLines(path).Select(line => line.TrimEnd()).ToArray(), $"'{Path.GetFullPath(path)}'");
    }

    /// <summary>A vocabulary whose ids are the positions of <paramref name="tokens"/>.</summary>
    /// <exception cref="InvalidDataException">A special token is missing.</exception>
    public static WordPieceVocabulary FromTokens(IEnumerable<string> tokens) => new(tokens.ToArray(), "the token list");

    /// <summary>Looks up a token (a '##' continuation included).</summary>
    public bool TryGetId(ReadOnlySpan<char> token, out int id) => ids.TryGetValue(token, out id);

    private int Special(string token, string source) => TryGetId(token, out var id)
        ? id
        : throw new InvalidDataException($"WordPiece vocabulary {source} has no line '{token}'; BERT-style models need [CLS], [SEP], [PAD] and [UNK]. Use the vocab.txt exported with the model.");
}
