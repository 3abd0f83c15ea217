using System.Buffers;
using System.Text;
using PlaceDeMarche.Pipeline.Text.Html;
using PlaceDeMarche.Pipeline.Text.Lemmatization;
using PlaceDeMarche.Pipeline.Text.Normalization;
using PlaceDeMarche.Pipeline.Text.Stemming;
using PlaceDeMarche.Pipeline.Text.StopWords;
using PlaceDeMarche.Pipeline.Text.Tokenization;

namespace PlaceDeMarche.Pipeline.Text.Cleaning;

/// <summary>
/// Turns raw product text into tokens, as configured by <see cref="TextCleaningOptions"/>. Thread-safe: one
/// instance can clean many documents in parallel, and the result never depends on scheduling.
/// </summary>
public sealed class TextCleaner
{
    private readonly WordTokenizer tokenizer;
    private readonly IStemmer? normalizer;

    /// <summary>Creates a cleaner; throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public TextCleaner(TextCleaningOptions? options = null)
    {
        Options = options ?? new TextCleaningOptions();
        if (Options.MinTokenLength < 1)
            throw new ArgumentException($"TextCleaningOptions.MinTokenLength is {Options.MinTokenLength}; it must be at least 1.", nameof(options));
        if (Options.Digits == DigitPolicy.Replace && string.IsNullOrEmpty(Options.NumberPlaceholder))
            throw new ArgumentException("TextCleaningOptions.NumberPlaceholder is empty but Digits is Replace; give a placeholder such as \"<num>\".", nameof(options));
        ArgumentNullException.ThrowIfNull(Options.ExtraStopWords, "options.ExtraStopWords");
        tokenizer = new WordTokenizer(Options.Hyphens, Options.Apostrophes);
        normalizer = Options.Normalization switch
        {
            TokenNormalization.None => null,
            TokenNormalization.Porter => PorterStemmer.Instance,
            TokenNormalization.Snowball => SnowballEnglishStemmer.Instance,
            TokenNormalization.Lemma => WordNetLemmatizer.Instance,
            _ => throw new ArgumentException($"TextCleaningOptions.Normalization is {Options.Normalization}; use None, Porter, Snowball or Lemma.", nameof(options)),
        };
        var extraStopWords = NormalizeExtraStopWords(Options);
        StopWords = Options.RemoveEnglishStopWords ? StopWordList.English.With(extraStopWords) : new StopWordList(extraStopWords);
    }

    /// <summary>The settings in use.</summary>
    public TextCleaningOptions Options { get; }

    /// <summary>The stop words removed (English list if enabled, plus the normalised extra words).</summary>
    public StopWordList StopWords { get; }

    /// <summary>Cleans one document; null or empty text gives <see cref="CleanedDocument.Empty"/>.</summary>
    public CleanedDocument Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return CleanedDocument.Empty;
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        char[]? lowered = null;
        try
        {
            ReadOnlySpan<char> current = text;
            if (Options.DecodeHtmlEntities && current.Contains('&'))
                current = buffer.AsSpan(0, HtmlEntityDecoder.Decode(current, buffer));
            if (Options.NormalizeUnicode && !NfkcNormalizer.IsKnownNormalized(current))
                current = NfkcNormalizer.Normalize(current);
            lowered = ArrayPool<char>.Shared.Rent(current.Length);
            var work = lowered.AsSpan(0, current.Length);
            if (Options.Lowercase)
                current.ToLowerInvariant(work);
            else
                current.CopyTo(work);
            FoldTypographicJoiners(work);
            return new CleanedDocument(Tokenize(work));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
            if (lowered is not null)
                ArrayPool<char>.Shared.Return(lowered);
        }
    }

    /// <summary>Cleans every document (in parallel); result i belongs to document i.</summary>
    public CleanedDocument[] CleanAll(IReadOnlyList<string?> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var results = new CleanedDocument[documents.Count];
        Parallel.For(0, results.Length, i => results[i] = Clean(documents[i]));
        return results;
    }

    private string[] Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<string>(text.Length / 8 + 4);
        foreach (var word in tokenizer.Enumerate(text))
        {
            if (WordTokenizer.ContainsNumber(word))
            {
                if (Options.Digits == DigitPolicy.Drop)
                    continue;
                if (Options.Digits == DigitPolicy.Replace)
                {
                    tokens.Add(Options.NumberPlaceholder);
                    continue;
                }
            }
            if (word.Length >= Options.MinTokenLength && !StopWords.Contains(word))
                tokens.Add(normalizer is null ? word.ToString() : normalizer.Stem(word.ToString()));
        }
        return tokens.ToArray();
    }

    /// <summary>Makes the curly apostrophe and the Unicode hyphen behave like their ASCII forms in words.</summary>
    private static void FoldTypographicJoiners(Span<char> text)
    {
        if (Ascii.IsValid(text))
            return;
        text.Replace('\u2019', '\''); // right single quotation mark, the usual typographic apostrophe
        text.Replace('\u02BC', '\''); // modifier letter apostrophe
        text.Replace('\u2010', '-'); // hyphen (NFKC already maps the non-breaking hyphen U+2011 to it)
    }

    /// <summary>Cleans the extra stop words like text, so "Rs" or "ＦＬＩＰＫＡＲＴ" match the tokens they are meant to remove.</summary>
    private static List<string> NormalizeExtraStopWords(TextCleaningOptions options)
    {
        var words = new List<string>(options.ExtraStopWords.Count);
        if (options.ExtraStopWords.Count == 0)
            return words;
        var wordCleaner = new TextCleaner(options with
        {
            ExtraStopWords = [],
            RemoveEnglishStopWords = false,
            Digits = DigitPolicy.Keep,
            MinTokenLength = 1,
            Normalization = TokenNormalization.None,
        });
        for (var index = 0; index < options.ExtraStopWords.Count; index++)
        {
            var word = options.ExtraStopWords[index];
            var tokens = wordCleaner.Clean(word).Tokens;
            if (tokens.Length != 1)
                throw new ArgumentException($"TextCleaningOptions.ExtraStopWords[{index}] '{word}' is not a single word once cleaned (tokens: [{string.Join(", ", tokens)}]); list each word separately, without punctuation.", nameof(options));
            words.Add(tokens[0]);
        }
        return words;
    }
}
