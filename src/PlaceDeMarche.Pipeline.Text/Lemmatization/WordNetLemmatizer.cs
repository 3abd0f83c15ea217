using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using PlaceDeMarche.Pipeline.Text.Stemming;

namespace PlaceDeMarche.Pipeline.Text.Lemmatization;

/// <summary>
/// Reduces a word to its WordNet 3.0 base form with WordNet's "morphy": the exception list of the part of speech
/// (geese → goose, ran → run), else the word itself and the results of the detachment rules (noun: s, ses → s,
/// xes → x, zes → z, ches → ch, shes → sh, men → man, ies → y; verb: s, ies → y, es → e, es, ed → e, ed, ing → e,
/// ing; adjective: er, est, er → e, est → e), keeping only forms that are lemmas of that part of speech. Like NLTK's
/// <c>WordNetLemmatizer</c> the shortest accepted form wins; unlike it, nouns ending in "ss" are not detached (as in
/// WordNet's own morphy, so "boss" does not become the genus "bos"). Words WordNet does not know come back
/// unchanged. Data: Data/wordnet-morphy.txt.gz, derived by Data/generate-wordnet-morphy.py (licence beside it).
/// Thread-safe; as an <see cref="IStemmer"/> it applies <see cref="LemmatizeAny"/>.
/// </summary>
public sealed class WordNetLemmatizer : IStemmer
{
    private const string ResourceName = "PlaceDeMarche.Pipeline.Text.Lemmatization.wordnet-morphy.txt.gz";

    private static readonly (string Suffix, string Ending)[][] DetachmentRules =
    [
        [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")],
        [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
        [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
        [],
    ];

    private static readonly Lazy<WordNetLemmatizer> SharedInstance = new(Load);

    private readonly FrozenSet<string>[] lemmas;
    private readonly FrozenDictionary<string, string[]>[] exceptions;

    private WordNetLemmatizer(FrozenSet<string>[] lemmas, FrozenDictionary<string, string[]>[] exceptions)
    {
        this.lemmas = lemmas;
        this.exceptions = exceptions;
    }

    /// <summary>The shared instance; the WordNet data (about 150,000 lemmas) is loaded on first use.</summary>
    public static WordNetLemmatizer Instance => SharedInstance.Value;

    /// <summary>
    /// The base form of <paramref name="word"/> (lower case) as <paramref name="partOfSpeech"/>, or the word itself
    /// when WordNet has no base form for it.
    /// </summary>
    public string Lemmatize(string word, PartOfSpeech partOfSpeech = PartOfSpeech.Noun) =>
        FindLemma(word, partOfSpeech) ?? word;

    /// <summary>
    /// The base form of <paramref name="word"/> as a noun, else as a verb, an adjective, then an adverb (the first
    /// part of speech giving one wins, nouns first because product texts are mostly nouns); the word itself when none.
    /// </summary>
    public string LemmatizeAny(string word)
    {
        for (var partOfSpeech = PartOfSpeech.Noun; partOfSpeech <= PartOfSpeech.Adverb; partOfSpeech++)
        {
            if (FindLemma(word, partOfSpeech) is { } lemma)
                return lemma;
        }
        return word;
    }

    /// <inheritdoc />
    public string Stem(string word) => LemmatizeAny(word);

    private string? FindLemma(string word, PartOfSpeech partOfSpeech)
    {
        ArgumentNullException.ThrowIfNull(word);
        if ((uint)partOfSpeech > (uint)PartOfSpeech.Adverb)
            throw new ArgumentOutOfRangeException(nameof(partOfSpeech), partOfSpeech, "Use Noun, Verb, Adjective or Adverb.");
        var known = lemmas[(int)partOfSpeech];
        string? best = known.Contains(word) ? word : null;
        if (exceptions[(int)partOfSpeech].TryGetValue(word, out var bases))
        {
            foreach (var baseForm in bases)
                best = Shorter(best, known.Contains(baseForm) ? baseForm : null);
            return best;
        }
        if (partOfSpeech == PartOfSpeech.Noun && word.EndsWith("ss", StringComparison.Ordinal))
            return best;

        var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> candidate = stackalloc char[64];
        foreach (var (suffix, ending) in DetachmentRules[(int)partOfSpeech])
        {
            var stemLength = word.Length - suffix.Length;
            if (!word.EndsWith(suffix, StringComparison.Ordinal) || stemLength + ending.Length > candidate.Length)
                continue;
            word.AsSpan(0, stemLength).CopyTo(candidate);
            ending.CopyTo(candidate[stemLength..]);
            var form = candidate[..(stemLength + ending.Length)];
            if (form.Length > 0 && (best is null || form.Length < best.Length) && lookup.TryGetValue(form, out var lemma))
                best = lemma;
        }
        return best;
    }

    private static string? Shorter(string? current, string? other) =>
        other is not null && (current is null || other.Length < current.Length) ? other : current;

    private static WordNetLemmatizer Load()
    {
        using var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing; rebuild PlaceDeMarche.Pipeline.Text.");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        var lemmaLists = new List<string>[4];
        var exceptionLists = new Dictionary<string, string[]>[4];
        for (var i = 0; i < 4; i++)
        {
            lemmaLists[i] = [];
            exceptionLists[i] = new(StringComparer.Ordinal);
        }

        List<string>? currentLemmas = null;
        Dictionary<string, string[]>? currentExceptions = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.StartsWith('@'))
            {
                var header = line.Split(' ');
                var index = header.Length == 2 ? Array.IndexOf(["noun", "verb", "adj", "adv"], header[1]) : -1;
                if (index < 0 || header[0] is not ("@lemmas" or "@exceptions"))
                    throw new InvalidDataException($"{ResourceName}, line {lineNumber}: unknown section '{line}'; regenerate it with generate-wordnet-morphy.py.");
                var isLemmaSection = header[0] == "@lemmas";
                currentLemmas = isLemmaSection ? lemmaLists[index] : null;
                currentExceptions = isLemmaSection ? null : exceptionLists[index];
            }
            else if (currentLemmas is not null)
            {
                currentLemmas.Add(line);
            }
            else if (currentExceptions is not null && line.Split(' ') is [var inflected, .. var bases] && bases.Length > 0)
            {
                currentExceptions[inflected] = bases;
            }
            else
            {
                throw new InvalidDataException($"{ResourceName}, line {lineNumber}: '{line}' is outside a section or has no base form; regenerate it with generate-wordnet-morphy.py.");
            }
        }
        return new WordNetLemmatizer(
            lemmaLists.Select(list => list.ToFrozenSet(StringComparer.Ordinal)).ToArray(),
            exceptionLists.Select(map => map.ToFrozenDictionary(StringComparer.Ordinal)).ToArray());
    }
}
