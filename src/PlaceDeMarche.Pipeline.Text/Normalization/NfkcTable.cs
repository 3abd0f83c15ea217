using System.Globalization;
using System.Runtime.InteropServices;

namespace PlaceDeMarche.Pipeline.Text.Normalization;

/// <summary>The Unicode data behind <see cref="NfkcNormalizer"/>, parsed once from the embedded nfkc-table.txt.</summary>
internal sealed class NfkcTable
{
    private const string ResourceName = "PlaceDeMarche.Pipeline.Text.Normalization.nfkc-table.txt";

    private static readonly Lazy<NfkcTable> LazyInstance = new(Load);

    private readonly ulong[] unstableBmp = new ulong[65536 / 64];
    private readonly HashSet<int> unstableSupplementary = [];
    private readonly Dictionary<int, byte> combiningClasses = [];
    private readonly Dictionary<int, (int Start, int Length)> decompositions = [];
    private readonly List<int> decompositionPool = [];
    private readonly Dictionary<long, int> compositions = [];

    private NfkcTable() { }

    public static NfkcTable Instance => LazyInstance.Value;

    /// <summary>
    /// True when the code point may change under NFKC or interact with its neighbours (decomposes to something
    /// else, is a combining mark, or can be the second half of a composition). Text made only of other code
    /// points is already in NFKC.
    /// </summary>
    public bool IsUnstable(int codePoint) => codePoint < 65536
        ? (unstableBmp[codePoint >> 6] & (1UL << (codePoint & 63))) != 0
        : unstableSupplementary.Contains(codePoint);

    public byte CombiningClass(int codePoint) =>
        combiningClasses.TryGetValue(codePoint, out var ccc) ? ccc : (byte)0;

    /// <summary>The full compatibility decomposition, or an empty span when the code point maps to itself.</summary>
    public ReadOnlySpan<int> Decomposition(int codePoint) =>
        decompositions.TryGetValue(codePoint, out var range)
            ? CollectionsMarshal.AsSpan(decompositionPool).Slice(range.Start, range.Length)
            : [];

    public bool TryCompose(int first, int second, out int composite) =>
        compositions.TryGetValue(CompositionKey(first, second), out composite);

    private static long CompositionKey(int first, int second) => ((long)first << 21) | (uint)second;

    private static NfkcTable Load()
    {
        using var stream = typeof(NfkcTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from {typeof(NfkcTable).Assembly.GetName().Name}; rebuild the Text project.");
        using var reader = new StreamReader(stream);
        var table = new NfkcTable();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            try
            {
                table.AddLine(line);
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"{ResourceName} line {lineNumber} is malformed ('{line}'): {e.Message} Regenerate it with generate_nfkc_table.py.", e);
            }
        }
        table.MarkHangulJamoUnstable();
        return table;
    }

    private void AddLine(string line)
    {
        var fields = line.Split(';');
        switch (fields[0])
        {
            case "D" when fields.Length == 5:
                var codePoint = ParseHex(fields[1]);
                var ccc = byte.Parse(fields[2], CultureInfo.InvariantCulture);
                if (ccc != 0)
                    combiningClasses[codePoint] = ccc;
                if (fields[3].Length > 0)
                {
                    var parts = fields[3].Split(' ');
                    decompositions[codePoint] = (decompositionPool.Count, parts.Length);
                    foreach (var part in parts)
                        decompositionPool.Add(ParseHex(part));
                }
                if (ccc != 0 || fields[4] == "N")
                    MarkUnstable(codePoint);
                break;
            case "C" when fields.Length == 4:
                var second = ParseHex(fields[2]);
                compositions[CompositionKey(ParseHex(fields[1]), second)] = ParseHex(fields[3]);
                MarkUnstable(second);
                break;
            default:
                throw new FormatException("expected 'D;cp;ccc;mapping;flag' or 'C;first;second;composite'.");
        }
    }

    private static int ParseHex(string text) => int.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private void MarkHangulJamoUnstable()
    {
        // Vowel and trailing jamo compose algorithmically with the syllable before them.
        for (var jamo = Hangul.VowelBase; jamo < Hangul.VowelBase + Hangul.VowelCount; jamo++)
            MarkUnstable(jamo);
        for (var jamo = Hangul.TrailingBase + 1; jamo < Hangul.TrailingBase + Hangul.TrailingCount; jamo++)
            MarkUnstable(jamo);
    }

    private void MarkUnstable(int codePoint)
    {
        if (codePoint < 65536)
            unstableBmp[codePoint >> 6] |= 1UL << (codePoint & 63);
        else
            unstableSupplementary.Add(codePoint);
    }
}
