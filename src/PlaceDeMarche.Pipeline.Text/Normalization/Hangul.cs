namespace PlaceDeMarche.Pipeline.Text.Normalization;

/// <summary>The arithmetic decomposition and composition of Hangul syllables (Unicode §3.12).</summary>
internal static class Hangul
{
    public const int SyllableBase = 0xAC00;
    public const int LeadingBase = 0x1100;
    public const int VowelBase = 0x1161;
    public const int TrailingBase = 0x11A7;
    public const int LeadingCount = 19;
    public const int VowelCount = 21;
    public const int TrailingCount = 28;
    private const int SyllablesPerLeading = VowelCount * TrailingCount;
    private const int SyllableCount = LeadingCount * SyllablesPerLeading;

    public static bool IsSyllable(int codePoint) => (uint)(codePoint - SyllableBase) < SyllableCount;

    /// <summary>Writes the two or three jamo of a syllable into <paramref name="destination"/>; returns how many.</summary>
    public static int Decompose(int syllable, Span<int> destination)
    {
        var index = syllable - SyllableBase;
        destination[0] = LeadingBase + index / SyllablesPerLeading;
        destination[1] = VowelBase + index % SyllablesPerLeading / TrailingCount;
        var trailing = index % TrailingCount;
        if (trailing == 0)
            return 2;
        destination[2] = TrailingBase + trailing;
        return 3;
    }

    /// <summary>Composes leading+vowel or LV-syllable+trailing jamo; false when the pair does not combine.</summary>
    public static bool TryCompose(int first, int second, out int composite)
    {
        var leadingIndex = first - LeadingBase;
        var vowelIndex = second - VowelBase;
        if ((uint)leadingIndex < LeadingCount && (uint)vowelIndex < VowelCount)
        {
            composite = SyllableBase + (leadingIndex * VowelCount + vowelIndex) * TrailingCount;
            return true;
        }
        var syllableIndex = first - SyllableBase;
        var trailingIndex = second - TrailingBase;
        if ((uint)syllableIndex < SyllableCount && syllableIndex % TrailingCount == 0
            && trailingIndex > 0 && trailingIndex < TrailingCount)
        {
            composite = first + trailingIndex;
            return true;
        }
        composite = 0;
        return false;
    }
}
