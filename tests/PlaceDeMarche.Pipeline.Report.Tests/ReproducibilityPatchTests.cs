using System.Text;
using PlaceDeMarche.Pipeline.Report.Rendering.Output;

namespace PlaceDeMarche.Pipeline.Report.Tests;

public sealed class ReproducibilityPatchTests
{
    private static readonly Guid Identifier = Guid.Parse("40569386-bab0-bf6e-3e3b-57ebece8042c");

    [Fact]
    public void Xmp_uuids_are_replaced_by_the_identifier_without_moving_bytes()
    {
        const string Text = "1 0 obj <?xpacket begin=\"\"?><x>uuid:0b61d88a-8c52-473c-aac8-93a3bf8df9b9</x>" +
                            "<y>uuid:2439deac-64b3-41be-95bb-69658f7a2c16</y><?xpacket end=\"w\"?> uuid:0b61d88a-8c52-473c-aac8-93a3bf8df9b9";
        var bytes = Encoding.ASCII.GetBytes(Text);
        ReproducibilityPatch.Apply(bytes, Identifier);

        var patched = Encoding.ASCII.GetString(bytes);
        Assert.Equal(Text.Length, patched.Length);
        Assert.Equal(2, CountOf(patched, "uuid:40569386-bab0-bf6e-3e3b-57ebece8042c"));
        Assert.EndsWith("?> uuid:0b61d88a-8c52-473c-aac8-93a3bf8df9b9", patched); // outside the XMP packet: untouched
    }

    [Fact]
    public void Subset_tags_are_renamed_consistently_and_stay_distinct()
    {
        const string Text = "/FontName/QERAVK+DejaVu /FontName/WUPVHU+DejaVu,Bold /BaseFont/QERAVK+DejaVu /BaseFont/WUPVHU+DejaVu,Bold /BaseFont/Helvetica";
        var first = Encoding.ASCII.GetBytes(Text);
        ReproducibilityPatch.Apply(first, Identifier);
        var other = Encoding.ASCII.GetBytes(Text.Replace("QERAVK", "ABCDEF", StringComparison.Ordinal).Replace("WUPVHU", "GHIJKL", StringComparison.Ordinal));
        ReproducibilityPatch.Apply(other, Identifier);

        var patched = Encoding.ASCII.GetString(first);
        Assert.Equal(patched, Encoding.ASCII.GetString(other)); // random tags in, same tags out
        var tags = System.Text.RegularExpressions.Regex.Matches(patched, "/(?:FontName|BaseFont)/([A-Z]{6})\\+").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(4, tags.Length);
        Assert.Equal(tags[0], tags[2]);
        Assert.Equal(tags[1], tags[3]);
        Assert.NotEqual(tags[0], tags[1]);
        Assert.EndsWith("/BaseFont/Helvetica", patched);
    }

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
