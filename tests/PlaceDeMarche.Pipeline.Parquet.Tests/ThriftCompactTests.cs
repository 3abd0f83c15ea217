using System.Buffers;
using PlaceDeMarche.Pipeline.Parquet.Format;
using PlaceDeMarche.Pipeline.Parquet.Thrift;

namespace PlaceDeMarche.Pipeline.Parquet.Tests;

/// <summary>Thrift compact protocol against bytes worked out by hand from the protocol specification.</summary>
public sealed class ThriftCompactTests
{
    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(-1, new byte[] { 0x01 })] // zigzag(-1) = 1
    [InlineData(1, new byte[] { 0x02 })] // zigzag(1) = 2
    [InlineData(-64, new byte[] { 0x7F })] // zigzag(-64) = 127, still one byte
    [InlineData(64, new byte[] { 0x80, 0x01 })] // zigzag(64) = 128 = 0b1_0000000 -> low 7 bits + continuation, then 1
    [InlineData(150, new byte[] { 0xAC, 0x02 })] // zigzag(150) = 300 = 0b10_0101100 -> 0xAC, 0x02
    [InlineData(int.MinValue, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })] // zigzag = 2^32 - 1
    public void I32IsZigZagVarint(int value, byte[] expected)
    {
        Assert.Equal(expected, Encode(writer => writer.WriteI32(value)));
        Assert.Equal(value, new ThriftCompactReader(expected, 0, "test").ReadI32());
    }

    [Fact]
    public void FieldHeadersUseDeltasUpTo15AndLongFormBeyond()
    {
        byte[] bytes = Encode(writer =>
        {
            writer.BeginStruct();
            writer.WriteI32Field(1, 5); // delta 1, type I32 (5): 0x15; zigzag(5) = 10
            writer.WriteI64Field(3, -3); // delta 2, type I64 (6): 0x26; zigzag(-3) = 5
            writer.WriteStringField(20, "ab"); // delta 17 > 15: type byte 0x08, then i16 zigzag(20) = 40 = 0x28
            writer.WriteBoolField(21, true); // delta 1, type BOOLEAN_TRUE (1): 0x11, no payload
            writer.EndStruct(); // stop
        });

        Assert.Equal(new byte[] { 0x15, 0x0A, 0x26, 0x05, 0x08, 0x28, 0x02, (byte)'a', (byte)'b', 0x11, 0x00 }, bytes);
    }

    [Fact]
    public void NestedStructRestartsFieldNumbering()
    {
        byte[] bytes = Encode(writer =>
        {
            writer.BeginStruct();
            writer.WriteI32Field(4, 1); // 0x45, 0x02
            writer.BeginStructField(5); // 0x1C
            writer.WriteI32Field(1, 1); // numbering restarts inside: 0x15, 0x02
            writer.EndStruct(); // 0x00
            writer.WriteI32Field(6, 1); // delta from 5 (not 1): 0x15, 0x02
            writer.EndStruct(); // 0x00
        });

        Assert.Equal(new byte[] { 0x45, 0x02, 0x1C, 0x15, 0x02, 0x00, 0x15, 0x02, 0x00 }, bytes);
    }

    [Fact]
    public void ListHeadersUseShortFormBelow15Elements()
    {
        Assert.Equal(new byte[] { 0x35 }, Encode(writer => writer.WriteListHeader(ThriftType.I32, 3))); // size 3, type I32
        Assert.Equal(new byte[] { 0xF8, 0x14 }, Encode(writer => writer.WriteListHeader(ThriftType.Binary, 20))); // long form, varint 20
    }

    [Fact]
    public void KeyValueStructIsEncodedAsSpecified()
    {
        byte[] bytes = Encode(writer => new KeyValue("k", "vé").Write(writer));

        // field 1 binary (0x18), len 1, 'k'; field 2 binary (0x18), len 3 (UTF-8 of "vé"), stop.
        Assert.Equal(new byte[] { 0x18, 0x01, (byte)'k', 0x18, 0x03, (byte)'v', 0xC3, 0xA9, 0x00 }, bytes);
    }

    [Fact]
    public void DecoderSkipsUnknownFieldsOfEveryType()
    {
        byte[] bytes =
        [
            0x18, 0x01, (byte)'k', // 1: key "k"
            0x57, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F, // 6: double 1.5 (unknown)
            0x1C, // 7: struct (unknown) {
            0x19, 0x25, 0x02, 0x04, //   1: list<i32> [1, 2]
            0x1B, 0x01, 0x85, 0x01, (byte)'x', 0x02, //   2: map<binary, i32> { "x": 1 }
            0x1A, 0x22, 0x01, 0x02, //   3: set<bool> [true, false]
            0x13, 0x7F, //   4: byte 127
            0x14, 0x03, //   5: i16 -2
            0x11, //   6: bool true
            0x1C, 0x15, 0x02, 0x00, //   7: struct { 1: i32 1 }
            0x00, // }
            0x05, 0x40, 0x02, // i32 field with long-form id 32 (unknown)
            0x08, 0x04, 0x01, (byte)'v', // field id 2 in long form after id 32: value "v"
            0x00,
        ];

        KeyValue keyValue = KeyValue.Read(new ThriftCompactReader(bytes, 0, "test"));

        Assert.Equal(new KeyValue("k", "v"), keyValue);
    }

    [Fact]
    public void FileMetaDataRoundTrips()
    {
        var original = new FileMetaData
        {
            Version = 1,
            Schema =
            [
                new SchemaElement { Name = "schema", NumChildren = 1 },
                new SchemaElement { Name = "s", Type = PhysicalType.ByteArray, Repetition = FieldRepetition.Optional, ConvertedType = ConvertedType.Utf8, LogicalType = LogicalType.String },
            ],
            NumRows = 3_000_000_000,
            RowGroups = [],
            KeyValueMetadata = [new KeyValue("a", "b"), new KeyValue("no-value", null)],
            CreatedBy = "me",
        };
        var output = new ArrayBufferWriter<byte>();
        original.Write(new ThriftCompactWriter(output));

        FileMetaData copy = FileMetaData.Read(new ThriftCompactReader(output.WrittenMemory, 0, "test"));

        Assert.Equal(original.NumRows, copy.NumRows);
        Assert.Equal(original.KeyValueMetadata, copy.KeyValueMetadata);
        Assert.Equal("me", copy.CreatedBy);
        Assert.Equal(LogicalTypeKind.String, copy.Schema[1].LogicalType?.Kind);
        Assert.Equal(FieldRepetition.Optional, copy.Schema[1].Repetition);
    }

    [Theory]
    [InlineData(new byte[] { 0x18, 0x05, (byte)'a' }, "length 5 exceeds")] // string longer than the data
    [InlineData(new byte[] { 0x15, 0x80 }, "offset 1")] // varint cut off
    [InlineData(new byte[] { 0x18, 0x01, (byte)'k' }, "offset 3")] // missing stop byte
    [InlineData(new byte[] { 0x1D, 0x00 }, "unknown field type code 13")]
    public void MalformedInputReportsOffset(byte[] bytes, string expectedFragment)
    {
        var error = Assert.Throws<ParquetFormatException>(() => KeyValue.Read(new ThriftCompactReader(bytes, 0, "test")));

        Assert.Contains(expectedFragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredFieldIsNamed()
    {
        var error = Assert.Throws<ParquetFormatException>(() => KeyValue.Read(new ThriftCompactReader(new byte[] { 0x28, 0x00, 0x00 }, 100, "footer")));

        Assert.Contains("KeyValue.key", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Encode(Action<ThriftCompactWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(new ThriftCompactWriter(output));
        return output.WrittenSpan.ToArray();
    }
}
