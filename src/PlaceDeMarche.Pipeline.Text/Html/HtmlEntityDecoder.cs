using System.Globalization;
using System.Text;

namespace PlaceDeMarche.Pipeline.Text.Html;

/// <summary>
/// Decodes HTML character references: the HTML 4 named set plus &amp;apos; (<c>&amp;amp;</c>, <c>&amp;eacute;</c>,
/// ...) and numeric ones (<c>&amp;#39;</c>, <c>&amp;#x2019;</c>). Named references need their ';' (so "AT&amp;T"
/// stays as is), numeric ones may omit it. Following HTML5, numeric references to 0x80–0x9F are read as
/// Windows-1252 and invalid ones (0, surrogates, beyond U+10FFFF) become U+FFFD. Unknown references are kept
/// verbatim. One pass only: "&amp;amp;lt;" decodes to "&amp;lt;".
/// </summary>
public static class HtmlEntityDecoder
{
    private const string ResourceName = "PlaceDeMarche.Pipeline.Text.Html.html-entities.txt";
    private const int LongestName = 8; // "thetasym"
    private const char ReplacementCharacter = '\uFFFD';

    private static readonly Lazy<Dictionary<string, char>.AlternateLookup<ReadOnlySpan<char>>> NamedReferences =
        new(() => LoadNamedReferences().GetAlternateLookup<ReadOnlySpan<char>>());

    // Windows-1252 meanings of 0x80–0x9F; '\0' where that code page leaves the byte undefined.
    private static ReadOnlySpan<char> Windows1252 =>
        "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0" +
        "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";

    /// <summary>Returns <paramref name="text"/> with its character references decoded (same instance if it has none).</summary>
    public static string Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('&'))
            return text;
        var buffer = new char[text.Length];
        return new string(buffer, 0, Decode(text, buffer));
    }

    /// <summary>
    /// Decodes <paramref name="source"/> into <paramref name="destination"/> and returns the number of chars
    /// written. Decoding never lengthens text, so a destination as long as the source always suffices.
    /// </summary>
    public static int Decode(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException($"The destination holds {destination.Length} chars but the source has {source.Length}; give it at least as many.", nameof(destination));
        var written = 0;
        while (true)
        {
            var ampersand = source.IndexOf('&');
            if (ampersand < 0)
            {
                source.CopyTo(destination[written..]);
                return written + source.Length;
            }
            source[..ampersand].CopyTo(destination[written..]);
            written += ampersand;
            source = source[ampersand..];
            var consumed = TryDecodeReference(source, destination[written..], out var charsWritten);
            if (consumed == 0)
            {
                destination[written++] = '&';
                source = source[1..];
            }
            else
            {
                written += charsWritten;
                source = source[consumed..];
            }
        }
    }

    /// <summary>Decodes the reference at the start of <paramref name="text"/> (which begins with '&amp;'); returns chars consumed, 0 if none.</summary>
    private static int TryDecodeReference(ReadOnlySpan<char> text, Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (text.Length < 3)
            return 0;
        if (text[1] == '#')
            return TryDecodeNumeric(text, destination, out charsWritten);
        var nameLength = 0;
        while (nameLength < LongestName && 1 + nameLength < text.Length && char.IsAsciiLetterOrDigit(text[1 + nameLength]))
            nameLength++;
        if (nameLength == 0 || 1 + nameLength >= text.Length || text[1 + nameLength] != ';'
            || !NamedReferences.Value.TryGetValue(text.Slice(1, nameLength), out var decoded))
            return 0;
        destination[0] = decoded;
        charsWritten = 1;
        return nameLength + 2;
    }

    private static int TryDecodeNumeric(ReadOnlySpan<char> text, Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        var hexadecimal = text[2] is 'x' or 'X';
        var digitsStart = hexadecimal ? 3 : 2;
        var position = digitsStart;
        long value = 0;
        while (position < text.Length && (hexadecimal ? char.IsAsciiHexDigit(text[position]) : char.IsAsciiDigit(text[position])))
        {
            // Saturate instead of overflowing: anything past U+10FFFF is invalid anyway.
            value = Math.Min(value * (hexadecimal ? 16 : 10) + HexValue(text[position]), 0x110000);
            position++;
        }
        if (position == digitsStart)
            return 0;
        if (position < text.Length && text[position] == ';')
            position++;
        charsWritten = WriteCodePoint((int)value, destination);
        return position;
    }

    private static int HexValue(char digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

    private static int WriteCodePoint(int codePoint, Span<char> destination)
    {
        if (codePoint is >= 0x80 and <= 0x9F && Windows1252[codePoint - 0x80] != '\0')
        {
            destination[0] = Windows1252[codePoint - 0x80];
            return 1;
        }
        if (codePoint == 0 || !Rune.IsValid(codePoint))
        {
            destination[0] = ReplacementCharacter;
            return 1;
        }
        return new Rune(codePoint).EncodeToUtf16(destination);
    }

    private static Dictionary<string, char> LoadNamedReferences()
    {
        using var stream = typeof(HtmlEntityDecoder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing; rebuild the Text project.");
        using var reader = new StreamReader(stream);
        var references = new Dictionary<string, char>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var parts = line.Split(' ');
            if (parts.Length != 2 || !ushort.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var codePoint))
                throw new InvalidDataException($"{ResourceName} line {lineNumber} ('{line}') is not 'name decimal-code-point'.");
            references[parts[0]] = (char)codePoint;
        }
        return references;
    }
}
