using System.Buffers;
using System.Text;

namespace PlaceDeMarche.Pipeline.Text.Normalization;

/// <summary>
/// Unicode Normalization Form KC (compatibility decomposition, canonical ordering, canonical composition),
/// implemented in managed code because the pipeline runs with InvariantGlobalization, where
/// <see cref="string.Normalize(NormalizationForm)"/> leaves non-ASCII text untouched.
/// </summary>
public static class NfkcNormalizer
{
    /// <summary>
    /// Fast check: true when <paramref name="text"/> is certainly already in NFKC (pure ASCII text always is).
    /// False means it may need normalising.
    /// </summary>
    public static bool IsKnownNormalized(ReadOnlySpan<char> text)
    {
        if (Ascii.IsValid(text))
            return true;
        var table = NfkcTable.Instance;
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            if (codePoint < 0x80)
                continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                codePoint = char.ConvertToUtf32(text[i], text[++i]);
            if (table.IsUnstable(codePoint))
                return false;
        }
        return true;
    }

    /// <summary>Returns the NFKC form of <paramref name="text"/>; the same instance when it is already normalised.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsKnownNormalized(text) ? text : NormalizeSlow(text);
    }

    /// <summary>Returns the NFKC form of <paramref name="text"/> as a new string.</summary>
    public static string Normalize(ReadOnlySpan<char> text) =>
        IsKnownNormalized(text) ? text.ToString() : NormalizeSlow(text);

    private static string NormalizeSlow(ReadOnlySpan<char> text)
    {
        var table = NfkcTable.Instance;
        // Most text at most doubles when decomposed; the rare longer expansions (up to 18 code points for U+FDFA) grow the buffer.
        var codePoints = ArrayPool<int>.Shared.Rent(text.Length * 2 + 16);
        try
        {
            var count = Decompose(text, table, ref codePoints);
            ReorderCombiningMarks(codePoints.AsSpan(0, count), table);
            count = Compose(codePoints.AsSpan(0, count), table);
            return Encode(codePoints.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(codePoints);
        }
    }

    private static int Decompose(ReadOnlySpan<char> text, NfkcTable table, ref int[] codePoints)
    {
        Span<int> jamo = stackalloc int[3];
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var codePoint = rune.Value;
            var mapping = Hangul.IsSyllable(codePoint)
                ? jamo[..Hangul.Decompose(codePoint, jamo)]
                : table.Decomposition(codePoint);
            if (count + Math.Max(mapping.Length, 1) > codePoints.Length)
                Grow(ref codePoints, count + Math.Max(mapping.Length, 1));
            if (mapping.IsEmpty)
            {
                codePoints[count++] = codePoint;
                continue;
            }
            mapping.CopyTo(codePoints.AsSpan(count));
            count += mapping.Length;
        }
        return count;
    }

    private static void Grow(ref int[] codePoints, int minimumLength)
    {
        var larger = ArrayPool<int>.Shared.Rent(Math.Max(minimumLength, codePoints.Length * 2));
        codePoints.CopyTo(larger, 0);
        ArrayPool<int>.Shared.Return(codePoints);
        codePoints = larger;
    }

    /// <summary>Canonical ordering: a stable sort of each run of non-starters by combining class.</summary>
    private static void ReorderCombiningMarks(Span<int> codePoints, NfkcTable table)
    {
        for (var i = 1; i < codePoints.Length; i++)
        {
            var current = codePoints[i];
            var currentClass = table.CombiningClass(current);
            if (currentClass == 0)
                continue;
            var j = i - 1;
            while (j >= 0 && table.CombiningClass(codePoints[j]) > currentClass)
            {
                codePoints[j + 1] = codePoints[j];
                j--;
            }
            codePoints[j + 1] = current;
        }
    }

    /// <summary>Canonical composition in place (Unicode §3.11, D117); returns the new length.</summary>
    private static int Compose(Span<int> codePoints, NfkcTable table)
    {
        if (codePoints.IsEmpty)
            return 0;
        var starterIndex = 0;
        // 256 = "no starter yet": a leading combining mark can never be composed onto.
        int lastClass = table.CombiningClass(codePoints[0]) == 0 ? 0 : 256;
        var written = 1;
        for (var i = 1; i < codePoints.Length; i++)
        {
            var codePoint = codePoints[i];
            int currentClass = table.CombiningClass(codePoint);
            // Not blocked: either nothing sits between the starter and this character (lastClass 0), or
            // everything in between has a lower combining class.
            if ((lastClass < currentClass || lastClass == 0)
                && TryCompose(codePoints[starterIndex], codePoint, table, out var composite))
            {
                codePoints[starterIndex] = composite;
                continue;
            }
            if (currentClass == 0)
                starterIndex = written;
            lastClass = currentClass;
            codePoints[written++] = codePoint;
        }
        return written;
    }

    private static bool TryCompose(int first, int second, NfkcTable table, out int composite) =>
        Hangul.TryCompose(first, second, out composite) || table.TryCompose(first, second, out composite);

    private static string Encode(ReadOnlySpan<int> codePoints)
    {
        var buffer = ArrayPool<char>.Shared.Rent(codePoints.Length * 2);
        try
        {
            var length = 0;
            foreach (var codePoint in codePoints)
                length += new Rune(codePoint).EncodeToUtf16(buffer.AsSpan(length));
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
