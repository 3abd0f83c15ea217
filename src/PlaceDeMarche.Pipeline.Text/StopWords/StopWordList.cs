using System.Collections.Frozen;

namespace PlaceDeMarche.Pipeline.Text.StopWords;

/// <summary>An immutable set of stop words, looked up without allocating.</summary>
public sealed class StopWordList
{
    private const string EnglishResourceName = "PlaceDeMarche.Pipeline.Text.StopWords.english-stop-words.txt";

    private static readonly Lazy<StopWordList> LazyEnglish = new(() => new StopWordList(ReadEnglishResource()));

    private readonly FrozenSet<string> words;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> spanLookup;

    /// <summary>Creates a list from <paramref name="words"/>, compared ordinally (give them lower-cased).</summary>
    public StopWordList(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        this.words = words.ToFrozenSet(StringComparer.Ordinal);
        spanLookup = this.words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The project's English list (about 340 words): function words, their contractions ("don't") and the
    /// fragments contractions leave when apostrophes split words ("don", "t").
    /// </summary>
    public static StopWordList English => LazyEnglish.Value;

    /// <summary>An empty list, for turning stop-word removal off.</summary>
    public static StopWordList Empty { get; } = new([]);

    /// <summary>The words, in no particular order.</summary>
    public IReadOnlySet<string> Words => words;

    /// <summary>Number of words.</summary>
    public int Count => words.Count;

    /// <summary>True when <paramref name="token"/> is a stop word (ordinal comparison).</summary>
    public bool Contains(ReadOnlySpan<char> token) => spanLookup.Contains(token);

    /// <summary>A new list holding these words and <paramref name="extraWords"/>.</summary>
    public StopWordList With(IEnumerable<string> extraWords)
    {
        ArgumentNullException.ThrowIfNull(extraWords);
        return new StopWordList(words.Concat(extraWords));
    }

    private static IEnumerable<string> ReadEnglishResource()
    {
        using var stream = typeof(StopWordList).Assembly.GetManifestResourceStream(EnglishResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{EnglishResourceName}' is missing; rebuild the Text project.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && word[0] != '#')
                words.Add(word);
        }
        return words;
    }
}
