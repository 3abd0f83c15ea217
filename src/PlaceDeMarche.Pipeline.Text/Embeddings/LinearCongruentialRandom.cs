namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// The 48-bit-multiplier linear congruential generator of the reference word2vec tool: a struct advanced in place,
/// one multiply-add per draw, cheap enough for the several draws each training pair needs. Only the high bits are
/// used because the low bits of an LCG are weak. (Numerics' Xoshiro256StarStar is not referenced by Text.)
/// </summary>
internal struct LinearCongruentialRandom(ulong seed)
{
    private ulong state = seed;

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int maxExclusive)
    {
        state = state * 25214903917UL + 11UL;
        return (int)((state >> 16) % (ulong)maxExclusive);
    }

    /// <summary>A uniform float in [0, 1) with 24 random bits.</summary>
    public float NextSingle()
    {
        state = state * 25214903917UL + 11UL;
        return (state >> 40) * (1f / (1 << 24));
    }
}
