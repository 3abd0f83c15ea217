using System.Buffers;

namespace PlaceDeMarche.Pipeline.Text.Stemming;

/// <summary>
/// The Porter stemmer exactly as published in 1980 (M.F. Porter, "An algorithm for suffix stripping",
/// Program 14(3)), not the later revisions: e.g. step 2 maps "abli" (not "bli") and has no "logi" rule.
/// Expects lower-case words; letters other than a, e, i, o, u (and y after a consonant) count as consonants.
/// As in Porter's own implementation, words of one or two letters are left alone.
/// </summary>
public sealed class PorterStemmer : IStemmer
{
    private const int StackBufferLength = 64;

    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step4Rules =
    [
        ("al", ""), ("ance", ""), ("ence", ""), ("er", ""), ("ic", ""), ("able", ""), ("ible", ""), ("ant", ""),
        ("ement", ""), ("ment", ""), ("ent", ""), ("ion", ""), ("ou", ""), ("ism", ""), ("ate", ""), ("iti", ""),
        ("ous", ""), ("ive", ""), ("ize", ""),
    ];

    /// <summary>A shared instance (the stemmer has no state).</summary>
    public static PorterStemmer Instance { get; } = new();

    /// <inheritdoc/>
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 2)
            return word;
        char[]? rented = null;
        // No step lengthens the word overall, so a buffer of the word's length is enough.
        var buffer = word.Length <= StackBufferLength
            ? stackalloc char[StackBufferLength]
            : rented = ArrayPool<char>.Shared.Rent(word.Length);
        try
        {
            word.CopyTo(buffer);
            var stem = new StemBuffer(buffer, word.Length);
            stem.Step1A();
            stem.Step1B();
            stem.Step1C();
            stem.ReplaceLongestSuffix(Step2Rules, minimumMeasure: 1);
            stem.ReplaceLongestSuffix(Step3Rules, minimumMeasure: 1);
            stem.Step4();
            stem.Step5A();
            stem.Step5B();
            var result = buffer[..stem.Length];
            return result.SequenceEqual(word) ? word : new string(result);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The word being stemmed: a buffer and its current length.</summary>
    private ref struct StemBuffer(Span<char> buffer, int length)
    {
        private readonly Span<char> buffer = buffer;

        public int Length { get; private set; } = length;

        /// <summary>Step 1a: plurals. sses → ss, ies → i, ss → ss, s → (nothing).</summary>
        public void Step1A()
        {
            if (EndsWith("sses") || EndsWith("ies"))
                Length -= 2;
            else if (!EndsWith("ss") && EndsWith("s"))
                Length--;
        }

        /// <summary>Step 1b: (m&gt;0) eed → ee; (*v*) ed, (*v*) ing → (nothing), then tidy the stem.</summary>
        public void Step1B()
        {
            if (EndsWith("eed"))
            {
                if (Measure(Length - 3) > 0)
                    Length--;
                return;
            }
            if (EndsWith("ed") && ContainsVowel(Length - 2))
                Length -= 2;
            else if (EndsWith("ing") && ContainsVowel(Length - 3))
                Length -= 3;
            else
                return;
            if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
                Append('e');
            else if (EndsWithDoubleConsonant(Length) && buffer[Length - 1] is not ('l' or 's' or 'z'))
                Length--;
            else if (Measure(Length) == 1 && EndsWithCvc(Length))
                Append('e');
        }

        /// <summary>Step 1c: (*v*) y → i.</summary>
        public void Step1C()
        {
            if (EndsWith("y") && ContainsVowel(Length - 1))
                buffer[Length - 1] = 'i';
        }

        /// <summary>Step 4: (m&gt;1) drop the longest listed suffix; "ion" also needs the stem to end in s or t.</summary>
        public void Step4()
        {
            var rule = LongestMatch(Step4Rules);
            if (rule < 0)
                return;
            var stemLength = Length - Step4Rules[rule].Suffix.Length;
            if (Measure(stemLength) > 1 && (Step4Rules[rule].Suffix != "ion" || buffer[stemLength - 1] is 's' or 't'))
                Length = stemLength;
        }

        /// <summary>Step 5a: (m&gt;1) e → (nothing); (m=1 and not *o) e → (nothing).</summary>
        public void Step5A()
        {
            if (!EndsWith("e"))
                return;
            var measure = Measure(Length - 1);
            if (measure > 1 || (measure == 1 && !EndsWithCvc(Length - 1)))
                Length--;
        }

        /// <summary>Step 5b: (m&gt;1 and *d and *L) → single letter.</summary>
        public void Step5B()
        {
            if (Measure(Length) > 1 && EndsWithDoubleConsonant(Length) && buffer[Length - 1] == 'l')
                Length--;
        }

        /// <summary>
        /// Applies the rule with the longest matching suffix if its stem has a measure of at least
        /// <paramref name="minimumMeasure"/>. Per the paper, only that rule is tried, even if its condition fails.
        /// </summary>
        public void ReplaceLongestSuffix((string Suffix, string Replacement)[] rules, int minimumMeasure)
        {
            var rule = LongestMatch(rules);
            if (rule < 0)
                return;
            var (suffix, replacement) = rules[rule];
            var stemLength = Length - suffix.Length;
            if (Measure(stemLength) < minimumMeasure)
                return;
            replacement.CopyTo(buffer[stemLength..]);
            Length = stemLength + replacement.Length;
        }

        private readonly int LongestMatch((string Suffix, string Replacement)[] rules)
        {
            var best = -1;
            for (var i = 0; i < rules.Length; i++)
            {
                if (EndsWith(rules[i].Suffix) && (best < 0 || rules[i].Suffix.Length > rules[best].Suffix.Length))
                    best = i;
            }
            return best;
        }

        private readonly bool EndsWith(string suffix) => buffer[..Length].EndsWith(suffix, StringComparison.Ordinal);

        private void Append(char letter) => buffer[Length++] = letter;

        private readonly bool IsConsonant(int index) => buffer[index] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => index == 0 || !IsConsonant(index - 1),
            _ => true,
        };

        /// <summary>m in [C](VC)^m[V]: the number of vowel-consonant sequences in the first <paramref name="stemLength"/> letters.</summary>
        private readonly int Measure(int stemLength)
        {
            var measure = 0;
            var index = 0;
            while (index < stemLength && IsConsonant(index))
                index++;
            while (index < stemLength)
            {
                while (index < stemLength && !IsConsonant(index))
                    index++;
                if (index == stemLength)
                    break;
                while (index < stemLength && IsConsonant(index))
                    index++;
                measure++;
            }
            return measure;
        }

        /// <summary>*v*: the stem contains a vowel.</summary>
        private readonly bool ContainsVowel(int stemLength)
        {
            for (var index = 0; index < stemLength; index++)
            {
                if (!IsConsonant(index))
                    return true;
            }
            return false;
        }

        /// <summary>*d: the stem ends with a double consonant.</summary>
        private readonly bool EndsWithDoubleConsonant(int stemLength) =>
            stemLength >= 2 && buffer[stemLength - 1] == buffer[stemLength - 2] && IsConsonant(stemLength - 1);

        /// <summary>*o: the stem ends consonant-vowel-consonant, the last not w, x or y.</summary>
        private readonly bool EndsWithCvc(int stemLength) =>
            stemLength >= 3 && IsConsonant(stemLength - 3) && !IsConsonant(stemLength - 2) && IsConsonant(stemLength - 1)
            && buffer[stemLength - 1] is not ('w' or 'x' or 'y');
    }
}
