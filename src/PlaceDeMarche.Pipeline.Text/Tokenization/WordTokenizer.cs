using System.Buffers;
using System.Globalization;
using System.Text;

namespace PlaceDeMarche.Pipeline.Text.Tokenization;

/// <summary>
/// Splits text into words: maximal runs of Unicode letters, combining marks and numbers (categories L, M, N),
/// optionally joined by single ASCII hyphens or apostrophes (see <see cref="HyphenPolicy"/> and
/// <see cref="ApostrophePolicy"/>). Every other character (punctuation, symbols, spaces, '_') separates words.
/// Typographic variants (’, ‐) are not joiners: fold them to ASCII first, as <c>TextCleaner</c> does.
/// </summary>
public readonly struct WordTokenizer(HyphenPolicy hyphens, ApostrophePolicy apostrophes)
{
    /// <summary>How hyphens are treated.</summary>
    public HyphenPolicy Hyphens { get; } = hyphens;

    /// <summary>How apostrophes are treated.</summary>
    public ApostrophePolicy Apostrophes { get; } = apostrophes;

    private const string AsciiLettersAndDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>ASCII letters and digits, the word characters of ASCII text.</summary>
    internal static SearchValues<char> AsciiWordCharacters { get; } = SearchValues.Create(AsciiLettersAndDigits);

    /// <summary>Every other ASCII character: always a separator or a joiner.</summary>
    internal static SearchValues<char> AsciiSeparators { get; } = SearchValues.Create(
        Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !AsciiLettersAndDigits.Contains(c)).ToArray());

    /// <summary>Enumerates the words of <paramref name="text"/> as slices of it, without allocating.</summary>
    public WordEnumerator Enumerate(ReadOnlySpan<char> text) => new(text, this);

    /// <summary>True when <paramref name="token"/> contains a Unicode number (category N), e.g. '7' or '²'.</summary>
    public static bool ContainsNumber(ReadOnlySpan<char> token)
    {
        if (token.IndexOfAnyInRange('0', '9') >= 0)
            return true;
        if (Ascii.IsValid(token))
            return false;
        foreach (var rune in token.EnumerateRunes())
        {
            if (Rune.IsNumber(rune))
                return true;
        }
        return false;
    }

    /// <summary>Length in chars of the word character at <paramref name="index"/> (2 for a surrogate pair), or 0 if it is not one.</summary>
    internal static int WordCharLength(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        if (char.IsAscii(c))
            return char.IsAsciiLetterOrDigit(c) ? 1 : 0;
        if (!char.IsSurrogate(c))
            return IsWordCategory(CharUnicodeInfo.GetUnicodeCategory(c)) ? 1 : 0;
        return Rune.DecodeFromUtf16(text[index..], out var rune, out var length) == OperationStatus.Done
               && IsWordCategory(Rune.GetUnicodeCategory(rune)) ? length : 0;
    }

    private static bool IsWordCategory(UnicodeCategory category) => category <= UnicodeCategory.OtherNumber;

    internal bool IsJoiner(char c) =>
        (c == '-' && Hyphens == HyphenPolicy.Keep) || (c == '\'' && Apostrophes != ApostrophePolicy.Split);
}
