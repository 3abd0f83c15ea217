using System.Buffers;
using System.Collections.Frozen;

namespace PlaceDeMarche.Pipeline.Text.Stemming;

/// <summary>
/// The Snowball "english" stemmer (Porter2), following the algorithm published on snowballstem.org: exceptional
/// forms, regions R1/R2 (with the gener/commun/arsen prefixes), steps 0 to 5 and the y/Y handling. It gives the same
/// stems as NLTK's <c>SnowballStemmer("english")</c>. Stateless and thread-safe; works on a stack buffer.
/// </summary>
public sealed class SnowballEnglishStemmer : IStemmer
{
    private const int StackBufferLength = 64;

    private static readonly SearchValues<char> Vowels = SearchValues.Create("aeiouy");

    // Words stemmed by a table rather than by the rules (the "exception1" list of the algorithm).
    private static readonly FrozenDictionary<string, string> ExceptionalForms = new Dictionary<string, string>
    {
        ["skis"] = "ski", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli",
        ["singly"] = "singl", ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas",
        ["cosmos"] = "cosmos", ["bias"] = "bias", ["andes"] = "andes",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Longest suffix first, as the algorithm always acts on the longest matching suffix of a step.
    private static readonly (string Suffix, string Replacement)[] Step2Suffixes = ByLengthDescending(
    [
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
        ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
        ("ogi", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
    ]);

    private static readonly (string Suffix, string Replacement)[] Step3Suffixes = ByLengthDescending(
    [
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", ""),
    ]);

    private static readonly string[] Step4Suffixes = ByLengthDescending(
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
        "ive", "ize", "ion",
    ]);

    /// <summary>A shared instance.</summary>
    public static SnowballEnglishStemmer Instance { get; } = new();

    /// <inheritdoc />
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (ExceptionalForms.TryGetValue(word, out var exceptional))
            return exceptional;
        if (word.Length <= 2)
            return word;

        var buffer = word.Length <= StackBufferLength ? stackalloc char[StackBufferLength] : new char[word.Length];
        var stem = new StemBuffer(buffer, word);
        stem.Run();
        var result = stem.Text;
        return result.SequenceEqual(word) ? word : new string(result);
    }

    private static (string Suffix, string Replacement)[] ByLengthDescending((string Suffix, string Replacement)[] rules) =>
        rules.OrderByDescending(rule => rule.Suffix.Length).ToArray();

    private static string[] ByLengthDescending(string[] suffixes) =>
        suffixes.OrderByDescending(suffix => suffix.Length).ToArray();

    /// <summary>The word being stemmed: a span of the buffer, with its regions.</summary>
    private ref struct StemBuffer
    {
        private readonly Span<char> buffer;
        private int length;
        private int r1;
        private int r2;

        public StemBuffer(Span<char> buffer, string word)
        {
            this.buffer = buffer;
            // Step 0 prelude: drop a leading apostrophe, then mark consonant y (initial or after a vowel) as Y.
            var source = word[0] == '\'' ? word.AsSpan(1) : word.AsSpan();
            source.CopyTo(buffer);
            length = source.Length;
            for (var i = 0; i < length; i++)
            {
                if (buffer[i] == 'y' && (i == 0 || IsVowel(buffer[i - 1])))
                    buffer[i] = 'Y';
            }
        }

        public readonly ReadOnlySpan<char> Text => buffer[..length];

        public void Run()
        {
            if (length <= 2)
            {
                RestoreY();
                return;
            }
            MarkRegions();
            Step1A();
            if (!IsInvariantAfterStep1A())
            {
                Step1B();
                Step1C();
                Step2();
                Step3();
                Step4();
                Step5();
            }
            RestoreY();
        }

        private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

        private static bool IsValidLiEnding(char c) => c is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't';

        private static bool IsDouble(ReadOnlySpan<char> ending) =>
            ending[0] == ending[1] && ending[0] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't';

        private void MarkRegions()
        {
            var text = Text;
            if (text.StartsWith("gener") || text.StartsWith("arsen"))
                r1 = 5;
            else if (text.StartsWith("commun"))
                r1 = 6;
            else
                r1 = RegionAfter(0);
            r2 = RegionAfter(r1);
        }

        // The position after the first non-vowel that follows a vowel, from start on; the word length if none.
        private readonly int RegionAfter(int start)
        {
            for (var i = start + 1; i < length; i++)
            {
                if (!IsVowel(buffer[i]) && IsVowel(buffer[i - 1]))
                    return i + 1;
            }
            return length;
        }

        private readonly bool EndsWith(string suffix) => Text.EndsWith(suffix);

        private void Replace(int suffixLength, string replacement)
        {
            length -= suffixLength;
            replacement.CopyTo(buffer[length..]);
            length += replacement.Length;
        }

        // A short syllable ending at position end (exclusive): non-vowel, vowel, non-vowel other than w, x, Y;
        // or, at the start of the word, vowel then non-vowel.
        private readonly bool EndsWithShortSyllable(int end)
        {
            if (end >= 3)
            {
                char last = buffer[end - 1], middle = buffer[end - 2], first = buffer[end - 3];
                return !IsVowel(first) && IsVowel(middle) && !IsVowel(last) && last is not ('w' or 'x' or 'Y');
            }
            return end == 2 && IsVowel(buffer[0]) && !IsVowel(buffer[1]);
        }

        private readonly bool IsInvariantAfterStep1A() => Text switch
        {
            "inning" or "outing" or "canning" or "herring" or "earring" or "proceed" or "exceed" or "succeed" => true,
            _ => false,
        };

        private void Step1A()
        {
            // Step 0 proper: the possessive endings 's' and 's (longest first) and a lone trailing apostrophe.
            if (EndsWith("'s'"))
                length -= 3;
            else if (EndsWith("'s"))
                length -= 2;
            else if (EndsWith("'"))
                length -= 1;

            if (EndsWith("sses"))
                length -= 2;
            else if (EndsWith("ied") || EndsWith("ies"))
                Replace(3, length > 4 ? "i" : "ie");
            else if (EndsWith("us") || EndsWith("ss"))
                return;
            else if (length >= 2 && EndsWith("s") && Text[..^2].ContainsAny(Vowels))
                length -= 1;
        }

        private void Step1B()
        {
            if (EndsWith("eedly") || EndsWith("eed"))
            {
                var suffixLength = EndsWith("eedly") ? 5 : 3;
                if (length - suffixLength >= r1)
                    Replace(suffixLength, "ee");
                return;
            }

            var ending = EndsWith("ingly") ? 5 : EndsWith("edly") ? 4 : EndsWith("ing") ? 3 : EndsWith("ed") ? 2 : 0;
            if (ending == 0 || Text[..^ending].ContainsAny(Vowels) is false)
                return;
            length -= ending;
            if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
                Replace(0, "e");
            else if (length >= 2 && IsDouble(Text[^2..]))
                length -= 1;
            else if (r1 >= length && EndsWithShortSyllable(length))
                Replace(0, "e");
        }

        private void Step1C()
        {
            if (length > 2 && buffer[length - 1] is 'y' or 'Y' && !IsVowel(buffer[length - 2]))
                buffer[length - 1] = 'i';
        }

        private void Step2()
        {
            foreach (var (suffix, replacement) in Step2Suffixes)
            {
                if (!EndsWith(suffix))
                    continue;
                var start = length - suffix.Length;
                if (start < r1)
                    return;
                if (suffix == "ogi" && buffer[start - 1] != 'l')
                    return;
                if (suffix == "li" && !IsValidLiEnding(buffer[start - 1]))
                    return;
                Replace(suffix.Length, replacement);
                return;
            }
        }

        private void Step3()
        {
            foreach (var (suffix, replacement) in Step3Suffixes)
            {
                if (!EndsWith(suffix))
                    continue;
                var start = length - suffix.Length;
                if (start < r1 || (suffix == "ative" && start < r2))
                    return;
                Replace(suffix.Length, replacement);
                return;
            }
        }

        private void Step4()
        {
            foreach (var suffix in Step4Suffixes)
            {
                if (!EndsWith(suffix))
                    continue;
                var start = length - suffix.Length;
                if (start < r2)
                    return;
                if (suffix == "ion" && buffer[start - 1] is not ('s' or 't'))
                    return;
                length = start;
                return;
            }
        }

        private void Step5()
        {
            var start = length - 1;
            if (start < 0)
                return;
            if (buffer[start] == 'e' && (start >= r2 || (start >= r1 && !EndsWithShortSyllable(start))))
                length = start;
            else if (buffer[start] == 'l' && start >= r2 && buffer[start - 1] == 'l')
                length = start;
        }

        private readonly void RestoreY() => buffer[..length].Replace('Y', 'y');
    }
}
