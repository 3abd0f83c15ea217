using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Text.Tests.Embeddings;

public sealed class Fnv1aTests
{
    // "", "a" and "foobar" are the FNV-1a 32-bit test vectors published with the algorithm; "<wh" and "é" were
    // computed with a four-line Python FNV-1a over the UTF-8 bytes (h ^= b; h *= 16777619 mod 2^32).
    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    [InlineData("<wh", 0x3e79c4e4u)]
    [InlineData("é", 0x1e9de8c1u)]
    public void Hash_matches_reference_values(string text, uint expected)
    {
        Assert.Equal(expected, Fnv1a.Hash(text.AsSpan()));
        Assert.Equal(expected, Fnv1a.Hash(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Hash_of_long_text_matches_byte_hash()
    {
        var text = new string('x', 1000);
        Assert.Equal(Fnv1a.Hash(System.Text.Encoding.UTF8.GetBytes(text)), Fnv1a.Hash(text.AsSpan()));
    }
}
