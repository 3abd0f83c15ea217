using PlaceDeMarche.Pipeline.Text.Tokenization;

namespace PlaceDeMarche.Pipeline.Text.Cleaning;

/// <summary>
/// Settings of <see cref="TextCleaner"/>. Steps run in this order: HTML entity decoding, NFKC normalisation,
/// lowercasing, tokenisation (punctuation always becomes a separator, i.e. is replaced by a space), then the
/// token filters: number policy, stop words, minimum length; last, the kept words are normalised (stemmed or
/// lemmatised) as <see cref="Normalization"/> says.
/// </summary>
public sealed record TextCleaningOptions
{
    /// <summary>Decode HTML character references ("&amp;amp;" → "&amp;", "&amp;#39;" → "'"). Default true.</summary>
    public bool DecodeHtmlEntities { get; init; } = true;

    /// <summary>Apply Unicode NFKC normalisation (full-width letters, ligatures, "½", no-break spaces). Default true.</summary>
    public bool NormalizeUnicode { get; init; } = true;

    /// <summary>Lowercase with invariant-culture rules. Default true.</summary>
    public bool Lowercase { get; init; } = true;

    /// <summary>Whether "t-shirt" stays one token. Default <see cref="HyphenPolicy.Keep"/>.</summary>
    public HyphenPolicy Hyphens { get; init; } = HyphenPolicy.Keep;

    /// <summary>Whether "don't" stays one token and "men's" becomes "men". Default <see cref="ApostrophePolicy.DropPossessive"/>.</summary>
    public ApostrophePolicy Apostrophes { get; init; } = ApostrophePolicy.DropPossessive;

    /// <summary>What happens to tokens containing a number. Default <see cref="DigitPolicy.Drop"/>.</summary>
    public DigitPolicy Digits { get; init; } = DigitPolicy.Drop;

    /// <summary>Token that replaces numbers under <see cref="DigitPolicy.Replace"/>; exempt from the other filters. Default "&lt;num&gt;".</summary>
    public string NumberPlaceholder { get; init; } = "<num>";

    /// <summary>Tokens shorter than this many UTF-16 chars are dropped. Default 2 (as scikit-learn's token pattern).</summary>
    public int MinTokenLength { get; init; } = 2;

    /// <summary>Remove the English stop words of <see cref="StopWords.StopWordList.English"/>. Default true.</summary>
    public bool RemoveEnglishStopWords { get; init; } = true;

    /// <summary>
    /// More stop words, each a single token ("rs", "flipkart"); they are normalised like the text (entities, NFKC,
    /// lowercase) and removed whether or not the English list is on. Default none.
    /// </summary>
    public IReadOnlyList<string> ExtraStopWords { get; init; } = [];

    /// <summary>
    /// Stemming or lemmatisation of the words kept after stop-word removal (stop words are matched on the unstemmed
    /// words; the number placeholder is left alone). Default <see cref="TokenNormalization.None"/>.
    /// </summary>
    public TokenNormalization Normalization { get; init; } = TokenNormalization.None;
}
