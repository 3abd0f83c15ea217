using PlaceDeMarche.Pipeline.TestSupport.Onnx;

namespace PlaceDeMarche.Pipeline.Onnx.Tests;

// Expected bytes are worked out by hand from the protobuf encoding rules (tag = field << 3 | wire type,
// base-128 little-endian varints); the 150, "testing" and nested cases are the worked examples of the protobuf
// encoding guide.
public sealed class ProtobufWriterTests
{
    [Fact]
    public void Varint_field_uses_base128_groups()
    {
        var writer = new ProtobufWriter();
        writer.WriteInt64(1, 150);
        Assert.Equal(new byte[] { 0x08, 0x96, 0x01 }, writer.ToArray());
    }

    [Fact]
    public void Negative_int64_is_ten_bytes_of_twos_complement()
    {
        var writer = new ProtobufWriter();
        writer.WriteInt64(3, -1);
        Assert.Equal(new byte[] { 0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, writer.ToArray());
    }

    [Fact]
    public void String_field_is_length_delimited_utf8()
    {
        var writer = new ProtobufWriter();
        writer.WriteString(2, "testing");
        Assert.Equal(new byte[] { 0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6E, 0x67 }, writer.ToArray());
    }

    [Fact]
    public void Float_field_is_fixed32_little_endian()
    {
        var writer = new ProtobufWriter();
        writer.WriteFloat(2, 1.0f); // 1.0f = 0x3F800000
        Assert.Equal(new byte[] { 0x15, 0x00, 0x00, 0x80, 0x3F }, writer.ToArray());
    }

    [Fact]
    public void Nested_message_is_prefixed_with_its_length()
    {
        var inner = new ProtobufWriter();
        inner.WriteInt64(1, 150);
        var outer = new ProtobufWriter();
        outer.WriteMessage(3, inner);
        Assert.Equal(new byte[] { 0x1A, 0x03, 0x08, 0x96, 0x01 }, outer.ToArray());
    }

    [Fact]
    public void Large_field_number_needs_a_multi_byte_tag()
    {
        var writer = new ProtobufWriter();
        writer.WriteInt64(20, 7); // (20 << 3) | 0 = 160 = 0xA0 0x01
        Assert.Equal(new byte[] { 0xA0, 0x01, 0x07 }, writer.ToArray());
    }

    [Fact]
    public void Field_number_zero_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProtobufWriter().WriteInt64(0, 1));
    }
}
