using System.Globalization;
using System.Text.RegularExpressions;
using PlaceDeMarche.Pipeline.Compliance.Scanning;

namespace PlaceDeMarche.Pipeline.Compliance.Secrets;

/// <summary>
/// Finds API-key-like strings in text and files, so that a key pasted into data, logs or code is caught before
/// anything is published. Rules, in priority order (overlaps are reported once):
/// AWS access key ids; credential assignments (<c>api_key</c>, <c>app_key</c>, <c>access_key</c>, <c>secret</c>,
/// <c>token</c>, <c>password</c> followed by = or :, and a bare <c>key=</c>) whose value has 8+ characters including
/// a digit (so that placeholders such as "YOUR_KEY_HERE" pass); standalone 32-hex strings (Edamam keys), except inside URL paths or file names ("…/a718….jpg"),
/// where they are content hashes; and 32+ character tokens with upper case, lower case and digits whose entropy is at
/// least 4 bits per character, outside URLs and file names, and not made of separated words and numbers.
/// </summary>
public sealed partial class SecretScanner
{
    private const double MinimumEntropyBitsPerChar = 4.0;

    private readonly IReadOnlySet<string> knownIdentifiers;

    /// <param name="knownIdentifiers">Values known to be data, not keys: Flipkart product ids are 32-hex content hashes,
    /// the shape of an Edamam key, and appear in tables, metrics and sentences.</param>
    public SecretScanner(IReadOnlySet<string>? knownIdentifiers = null)
    {
        this.knownIdentifiers = knownIdentifiers ?? new HashSet<string>();
    }

    public IReadOnlyList<SecretFinding> ScanText(string location, string field, string text)
    {
        var findings = new List<SecretFinding>();
        var claimed = new ClaimedSpans();

        void Add(SecretKind kind, Group value)
        {
            if (claimed.TryClaim(value.Index, value.Length))
            {
                findings.Add(new SecretFinding(location, field, kind, Masking.Secret(value.Value), value.Index));
            }
        }

        foreach (Match match in AwsAccessKeyPattern().Matches(text))
        {
            Add(SecretKind.AwsAccessKeyId, match);
        }

        foreach (Match match in AssignmentPattern().Matches(text))
        {
            var value = match.Groups["value"];
            if (value.Value.Any(char.IsAsciiDigit))
            {
                Add(SecretKind.CredentialAssignment, value);
            }
        }

        foreach (Match match in HexKeyPattern().Matches(text))
        {
            if (!InsideUrl(text, match.Index) && !knownIdentifiers.Contains(match.Value))
            {
                Add(SecretKind.HexKey32, match);
            }
        }

        foreach (Match match in TokenPattern().Matches(text))
        {
            var token = match.Value;
            if (token.Any(char.IsAsciiLetterUpper) && token.Any(char.IsAsciiLetterLower) && token.Any(char.IsAsciiDigit)
                && ShannonEntropy(token) >= MinimumEntropyBitsPerChar && !IsWordsAndNumbers(token) && !InsideUrl(text, match.Index)
                && !IsFileName(text, match))
            {
                Add(SecretKind.HighEntropyToken, match);
            }
        }

        findings.Sort((left, right) => left.Offset.CompareTo(right.Offset));
        return findings;
    }

    public IReadOnlyList<SecretFinding> Scan(IEnumerable<ScannedText> texts) =>
        texts.SelectMany(text => ScanText(text.RowId, text.Field, text.Text)).ToList();

    /// <summary>Scans a text file line by line; findings name the file and the 1-based line.</summary>
    public IReadOnlyList<SecretFinding> ScanFile(string path)
    {
        var findings = new List<SecretFinding>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            findings.AddRange(ScanText(path, "line " + lineNumber.ToString(CultureInfo.InvariantCulture), line));
        }

        return findings;
    }

    /// <summary>Bits per character of the token's character distribution (log2 of the alphabet size at most).</summary>
    public static double ShannonEntropy(string token)
    {
        Span<int> counts = stackalloc int[128];
        var other = 0;
        foreach (var character in token)
        {
            if (character < 128)
            {
                counts[character]++;
            }
            else
            {
                other++;
            }
        }

        var entropy = 0.0;
        foreach (var count in counts)
        {
            entropy -= Term(count, token.Length);
        }

        return entropy - Term(other, token.Length);
    }

    private static double Term(int count, int length)
    {
        if (count == 0)
        {
            return 0;
        }

        var probability = (double)count / length;
        return probability * Math.Log2(probability);
    }

    /// <summary>"Cotton-Collection-Edition-2016": separated words and numbers are names, not random tokens.</summary>
    private static bool IsWordsAndNumbers(string token) =>
        token.Split('-', '_', '/', '+').All(segment => segment.All(char.IsAsciiLetter) || segment.All(char.IsAsciiDigit));

    /// <summary>
    /// "Images/02a53d…9d646.jpg": a token followed by a file extension is a file name (photos are named by content
    /// hashes), as the 32-hex rule already assumes.
    /// </summary>
    private static bool IsFileName(string text, Match match) => FileExtensionPattern().IsMatch(text, match.Index + match.Length);

    /// <summary>True when the position is inside a whitespace-delimited word that is a URL.</summary>
    private static bool InsideUrl(string text, int index)
    {
        if (index == 0)
        {
            return false;
        }

        var wordStart = text.LastIndexOfAny([' ', '\t', '"', '\'', '(', '<', '='], index - 1) + 1;
        var word = text.AsSpan(wordStart, index - wordStart);
        return word.Contains("://", StringComparison.Ordinal) || word.EndsWith("/", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")]
    private static partial Regex AwsAccessKeyPattern();

    [GeneratedRegex(@"(?i)(?:\b[\w.-]*(?:api[_-]?key|app[_-]?key|access[_-]?key|secret|token|password|passwd)\w*\s*[:=]|\bkey\s*=)\s*[""']?(?<value>[A-Za-z0-9/+_.~=-]{8,})")]
    private static partial Regex AssignmentPattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z/_-])[0-9a-f]{32}(?![0-9A-Za-z_-]|\.[A-Za-z]{2,5}\b)")]
    private static partial Regex HexKeyPattern();

    [GeneratedRegex(@"\G\.[A-Za-z][A-Za-z0-9]{1,4}\b")]
    private static partial Regex FileExtensionPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_-]{32,}={0,2}")]
    private static partial Regex TokenPattern();
}
