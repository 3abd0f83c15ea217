using System.Security.Cryptography;
using System.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Output;

/// <summary>
/// Removes the randomness PDFsharp (6.2.4, as 6.5) puts into every file it saves, by overwriting it in the finished bytes:
/// the XMP document and instance UUIDs, and the six-letter tags that name embedded font subsets. Each value is
/// replaced by one of the same length derived from the file identifier, so no byte offset moves and the
/// cross-reference table stays valid.
/// </summary>
internal static class ReproducibilityPatch
{
    private const int UuidLength = 36;
    private const int TagLength = 6;

    private static ReadOnlySpan<byte> PacketBegin => "<?xpacket begin"u8;

    private static ReadOnlySpan<byte> PacketEnd => "<?xpacket end"u8;

    private static ReadOnlySpan<byte> UuidPrefix => "uuid:"u8;

    public static void Apply(Span<byte> pdf, Guid identifier)
    {
        ReplaceXmpUuids(pdf, identifier);
        // One map for both keys: a font's /BaseFont and its descriptor's /FontName must keep the same tag.
        var renamed = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        ReplaceSubsetTags(pdf, identifier, "/FontName/"u8, renamed);
        ReplaceSubsetTags(pdf, identifier, "/BaseFont/"u8, renamed);
    }

    private static void ReplaceXmpUuids(Span<byte> pdf, Guid identifier)
    {
        Span<byte> replacement = stackalloc byte[UuidLength];
        Encoding.ASCII.GetBytes(identifier.ToString("D"), replacement);
        var offset = 0;
        while (FindPacket(pdf, offset) is var (start, length) && length > 0)
        {
            var packet = pdf.Slice(start, length);
            for (var at = IndexOf(packet, UuidPrefix, 0); at >= 0; at = IndexOf(packet, UuidPrefix, at + 1))
            {
                var value = packet[(at + UuidPrefix.Length)..];
                if (value.Length >= UuidLength && Guid.TryParseExact(Encoding.ASCII.GetString(value[..UuidLength]), "D", out _))
                {
                    replacement.CopyTo(value);
                }
            }

            offset = start + length;
        }
    }

    private static (int Start, int Length) FindPacket(ReadOnlySpan<byte> pdf, int offset)
    {
        var start = IndexOf(pdf, PacketBegin, offset);
        var end = start < 0 ? -1 : IndexOf(pdf, PacketEnd, start);
        return end < 0 ? (0, 0) : (start, end - start);
    }

    /// <summary>
    /// A subset tag ("ABCDEF+") follows the key that names a font. Tags are renamed in order of first appearance,
    /// each to a tag hashed from the identifier and its rank, so distinct subsets keep distinct tags.
    /// </summary>
    private static void ReplaceSubsetTags(Span<byte> pdf, Guid identifier, ReadOnlySpan<byte> key, Dictionary<string, byte[]> renamed)
    {
        for (var at = IndexOf(pdf, key, 0); at >= 0; at = IndexOf(pdf, key, at + 1))
        {
            var tag = pdf.Slice(at + key.Length);
            if (tag.Length <= TagLength || tag[TagLength] != (byte)'+' || !IsUpperCase(tag[..TagLength]))
            {
                continue;
            }

            var original = Encoding.ASCII.GetString(tag[..TagLength]);
            if (!renamed.TryGetValue(original, out var replacement))
            {
                replacement = StableTag(identifier, renamed.Count);
                renamed.Add(original, replacement);
            }

            replacement.CopyTo(tag);
        }
    }

    private static byte[] StableTag(Guid identifier, int rank)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes($"{identifier:N}/{rank}"));
        return hash[..TagLength].Select(b => (byte)('A' + b % 26)).ToArray();
    }

    private static bool IsUpperCase(ReadOnlySpan<byte> text)
    {
        foreach (var c in text)
        {
            if (c is < (byte)'A' or > (byte)'Z')
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value, int from)
    {
        var found = text[from..].IndexOf(value);
        return found < 0 ? -1 : from + found;
    }
}
