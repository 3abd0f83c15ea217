using System.Text;

namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// 32-bit FNV-1a, the hash fastText uses to place character n-grams in its bucket table. fastText hashes the UTF-8
/// bytes of the n-gram; it sign-extends bytes above 0x7F, we do not (plain FNV-1a), which only matters for non-ASCII.
/// </summary>
public static class Fnv1a
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>FNV-1a of <paramref name="bytes"/>.</summary>
    public static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = OffsetBasis;
        foreach (var value in bytes)
        {
            hash ^= value;
            hash *= Prime;
        }

        return hash;
    }

    /// <summary>FNV-1a of the UTF-8 encoding of <paramref name="text"/>.</summary>
    public static uint Hash(ReadOnlySpan<char> text)
    {
        Span<byte> buffer = stackalloc byte[256];
        var byteCount = Encoding.UTF8.GetByteCount(text);
        var bytes = byteCount <= buffer.Length ? buffer[..byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(text, bytes);
        return Hash(bytes);
    }
}
