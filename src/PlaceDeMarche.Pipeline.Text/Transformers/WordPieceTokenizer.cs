using System.Buffers;
using System.Globalization;
using System.Text;
using PlaceDeMarche.Pipeline.Text.Normalization;

namespace PlaceDeMarche.Pipeline.Text.Transformers;

/// <summary>
/// BERT's tokenizer: basic tokenization (drop control characters, split on whitespace, optionally lowercase and
/// strip accents, isolate punctuation and CJK ideographs), then greedy longest-match-first WordPiece with '##'
/// continuations. A word longer than <see cref="MaxWordLength"/> code points, or one the vocabulary cannot cover,
/// becomes a single [UNK]. Thread-safe: every call uses its own buffers.
/// </summary>
public sealed class WordPieceTokenizer
{
    /// <summary>Longest word (in code points) WordPiece tries to split, as in BERT.</summary>
    public const int MaxWordLength = 100;

    private const string ContinuationPrefix = "##";

    private readonly bool lowercase;

    /// <param name="vocabulary">The model's vocabulary.</param>
    /// <param name="lowercase">Lowercase and strip accents, as "uncased" models were trained; false for cased models.</param>
    public WordPieceTokenizer(WordPieceVocabulary vocabulary, bool lowercase)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        Vocabulary = vocabulary;
        this.lowercase = lowercase;
    }

    public WordPieceVocabulary Vocabulary { get; }

    /// <summary>The word pieces of <paramref name="text"/>, without [CLS]/[SEP] (for inspection and tests).</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        var ids = new List<int>();
        AppendPieceIds(text, ids);
        return ids.Select(id => Vocabulary[id]).ToArray();
    }

    /// <summary>
    /// Encodes texts as one batch: [CLS], at most <paramref name="maxTokens"/> - 2 pieces (the first ones), [SEP],
    /// then padding to the longest row.
    /// </summary>
    public TokenBatch EncodeBatch(IReadOnlyList<string> texts, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 3);
        var rows = new int[texts.Count][];
        var pieces = new List<int>();
        var truncated = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            pieces.Clear();
            AppendPieceIds(texts[i], pieces);
            var kept = Math.Min(pieces.Count, maxTokens - 2);
            truncated += kept < pieces.Count ? 1 : 0;
            rows[i] = [Vocabulary.ClassificationId, .. pieces.GetRange(0, kept), Vocabulary.SeparatorId];
        }

        var length = rows.Length == 0 ? 0 : rows.Max(r => r.Length);
        var ids = new long[rows.Length * length];
        var mask = new long[ids.Length];
        Array.Fill(ids, Vocabulary.PaddingId);
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows[i].Length; j++)
            {
                ids[i * length + j] = rows[i][j];
                mask[i * length + j] = 1;
            }
        }

        return new TokenBatch(rows.Length, length, ids, mask, new long[ids.Length], truncated);
    }

    /// <summary>Appends the WordPiece ids of <paramref name="text"/> (no special tokens) to <paramref name="ids"/>.</summary>
    public void AppendPieceIds(string text, List<int> ids)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ids);
        var word = ArrayPool<char>.Shared.Rent(Math.Max(16, text.Length * 2));
        var scratch = ArrayPool<char>.Shared.Rent(word.Length + ContinuationPrefix.Length);
        try
        {
            var length = 0;
            Span<int> decomposed = stackalloc int[18];
            Span<char> encoded = stackalloc char[2];
            foreach (var original in text.EnumerateRunes())
            {
                var codePoint = original.Value;
                if (codePoint == 0 || codePoint == 0xFFFD || IsControl(codePoint))
                {
                    continue;
                }

                if (IsWhitespace(codePoint))
                {
                    EndWord(word, ref length, scratch, ids);
                    continue;
                }

                var parts = lowercase ? StripAccents(Rune.ToLowerInvariant(original).Value, decomposed) : Single(codePoint, decomposed);
                foreach (var part in parts)
                {
                    var partLength = new Rune(part).EncodeToUtf16(encoded);
                    if (IsPunctuation(part) || IsCjkIdeograph(part))
                    {
                        // A character of its own: it ends the current word and forms a word alone.
                        EndWord(word, ref length, scratch, ids);
                        encoded[..partLength].CopyTo(word);
                        length = partLength;
                        EndWord(word, ref length, scratch, ids);
                        continue;
                    }

                    if (length + partLength > word.Length)
                    {
                        Grow(ref word, ref scratch);
                    }

                    encoded[..partLength].CopyTo(word.AsSpan(length));
                    length += partLength;
                }
            }

            EndWord(word, ref length, scratch, ids);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(word);
            ArrayPool<char>.Shared.Return(scratch);
        }
    }

    private void EndWord(char[] word, ref int length, char[] scratch, List<int> ids)
    {
        if (length > 0)
        {
            AppendWordPieces(word.AsSpan(0, length), scratch, ids);
            length = 0;
        }
    }

    /// <summary>Greedy longest-match-first split of one word; the whole word becomes [UNK] if any part cannot be matched.</summary>
    private void AppendWordPieces(ReadOnlySpan<char> word, char[] scratch, List<int> ids)
    {
        if (CodePointCount(word) > MaxWordLength)
        {
            ids.Add(Vocabulary.UnknownId);
            return;
        }

        var firstPiece = ids.Count;
        ContinuationPrefix.CopyTo(scratch);
        var start = 0;
        while (start < word.Length)
        {
            var end = word.Length;
            var found = -1;
            while (end > start)
            {
                var candidate = word[start..end];
                ReadOnlySpan<char> key = candidate;
                if (start > 0)
                {
                    candidate.CopyTo(scratch.AsSpan(ContinuationPrefix.Length));
                    key = scratch.AsSpan(0, ContinuationPrefix.Length + candidate.Length);
                }

                if (Vocabulary.TryGetId(key, out var id))
                {
                    found = id;
                    break;
                }

                // Never cut a surrogate pair in two.
                end -= end - 1 > start && char.IsLowSurrogate(word[end - 1]) ? 2 : 1;
            }

            if (found < 0)
            {
                ids.RemoveRange(firstPiece, ids.Count - firstPiece);
                ids.Add(Vocabulary.UnknownId);
                return;
            }

            ids.Add(found);
            start = end;
        }
    }

    /// <summary>
    /// Lowercased code point without its accents: BERT takes the NFD form and drops the nonspacing marks. Our
    /// decomposition table holds the compatibility (NFKD) mappings, so a mapping is used only when it contains such a
    /// mark (an accented letter), which is where NFD and NFKD agree; Hangul syllables decompose into jamo as in NFD.
    /// </summary>
    private static ReadOnlySpan<int> StripAccents(int codePoint, Span<int> buffer)
    {
        if (codePoint < 0x80)
        {
            return Single(codePoint, buffer);
        }

        if (Hangul.IsSyllable(codePoint))
        {
            return buffer[..Hangul.Decompose(codePoint, buffer)];
        }

        if (IsNonspacingMark(codePoint))
        {
            return [];
        }

        var mapping = NfkcTable.Instance.Decomposition(codePoint);
        var hasMark = false;
        foreach (var part in mapping)
        {
            hasMark |= IsNonspacingMark(part);
        }

        if (!hasMark)
        {
            return Single(codePoint, buffer);
        }

        var count = 0;
        foreach (var part in mapping)
        {
            if (!IsNonspacingMark(part))
            {
                buffer[count++] = part;
            }
        }

        return buffer[..count];
    }

    private static ReadOnlySpan<int> Single(int codePoint, Span<int> buffer)
    {
        buffer[0] = codePoint;
        return buffer[..1];
    }

    private static void Grow(ref char[] word, ref char[] scratch)
    {
        var larger = ArrayPool<char>.Shared.Rent(word.Length * 2);
        word.CopyTo(larger, 0);
        ArrayPool<char>.Shared.Return(word);
        word = larger;
        ArrayPool<char>.Shared.Return(scratch);
        scratch = ArrayPool<char>.Shared.Rent(word.Length + ContinuationPrefix.Length);
    }

    private static int CodePointCount(ReadOnlySpan<char> word)
    {
        var count = 0;
        foreach (var c in word)
        {
            count += char.IsLowSurrogate(c) ? 0 : 1;
        }

        return count;
    }

    private static bool IsNonspacingMark(int codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.NonSpacingMark;

    private static bool IsWhitespace(int codePoint) =>
        codePoint is ' ' or '\t' or '\n' or '\r' || CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.SpaceSeparator;

    /// <summary>BERT's "control": any Unicode C* category, except tab and line breaks, which count as whitespace.</summary>
    private static bool IsControl(int codePoint) =>
        codePoint is not ('\t' or '\n' or '\r') && CharUnicodeInfo.GetUnicodeCategory(codePoint) is
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    /// <summary>Unicode P* categories plus every non-alphanumeric ASCII symbol ('$', '^', '`', ...), as BERT does.</summary>
    private static bool IsPunctuation(int codePoint) =>
        codePoint is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126)
        || CharUnicodeInfo.GetUnicodeCategory(codePoint) is
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;

    /// <summary>The CJK Unified Ideographs blocks BERT splits character by character (not Hangul, kana).</summary>
    private static bool IsCjkIdeograph(int codePoint) =>
        codePoint is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF)
            or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);
}
