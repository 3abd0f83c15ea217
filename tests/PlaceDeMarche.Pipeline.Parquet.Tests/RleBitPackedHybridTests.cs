using System.Buffers;
using PlaceDeMarche.Pipeline.Parquet.Encodings;

namespace PlaceDeMarche.Pipeline.Parquet.Tests;

/// <summary>RLE / bit-packing hybrid against bytes worked out by hand from the Parquet encoding specification.</summary>
public sealed class RleBitPackedHybridTests
{
    [Fact]
    public void LongRepeatBecomesRleRun()
    {
        // 10 x 1 at bit width 1: header 10 << 1 = 0x14, then the value in one byte.
        AssertEncodes([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 1, [0x14, 0x01]);
    }

    [Fact]
    public void ShortRunsAreBitPackedLsbFirst()
    {
        // One group of 8 at width 2: header (1 << 1) | 1 = 0x03; 0,1,2,3 pack as 00 01 10 11 from the low bits = 0xE4.
        AssertEncodes([0, 1, 2, 3, 0, 1, 2, 3], 2, [0x03, 0xE4, 0xE4]);
    }

    [Fact]
    public void RunFollowingLiteralLendsValuesToCompleteItsGroup()
    {
        // 0 then 20 ones: the literal takes 7 ones to make a group of 8 (bits 0..7 = 0,1,1,1,1,1,1,1 -> 0xFE),
        // then an RLE run of the remaining 13 ones: header 13 << 1 = 0x1A, value 0x01.
        AssertEncodes([0, .. Enumerable.Repeat(1, 20)], 1, [0x03, 0xFE, 0x1A, 0x01]);
    }

    [Fact]
    public void FinalPartialGroupIsPaddedWithZeros()
    {
        // 0, 1, 0 at width 1: one group; bits 0,1,0 then 5 zero padding bits = 0x02.
        AssertEncodes([0, 1, 0], 1, [0x03, 0x02]);
    }

    [Fact]
    public void RleValueUsesWholeBytes()
    {
        // Width 9 needs two value bytes: 300 = 0x012C little-endian.
        AssertEncodes(Enumerable.Repeat(300, 8).ToArray(), 9, [0x10, 0x2C, 0x01]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(20)]
    [InlineData(32)]
    public void RandomRunsRoundTrip(int bitWidth)
    {
        var random = new Random(bitWidth);
        long limit = 1L << bitWidth;
        var values = new List<int>();
        while (values.Count < 5000)
        {
            int value = (int)(random.NextInt64(limit) & uint.MaxValue);
            values.AddRange(Enumerable.Repeat(value, random.Next(1, 30)));
        }

        var output = new ArrayBufferWriter<byte>();
        RleBitPackedHybrid.Encode(values.ToArray(), bitWidth, output);
        int[] decoded = new int[values.Count];
        RleBitPackedHybrid.Decode(output.WrittenSpan, bitWidth, decoded);

        Assert.Equal(values, decoded);
    }

    [Fact]
    public void TruncatedDataThrows()
    {
        // An RLE run of 4 values cannot supply 10.
        Assert.Throws<ParquetFormatException>(() => RleBitPackedHybrid.Decode([0x08, 0x01], 1, new int[10]));
        // A bit-packed header promising a group of width 8 with only 2 of its 8 bytes, when all 8 values are needed.
        Assert.Throws<ParquetFormatException>(() => RleBitPackedHybrid.Decode([0x03, 0x01, 0x02], 8, new int[8]));
    }

    [Fact]
    public void BooleansPackLsbFirst()
    {
        var output = new ArrayBufferWriter<byte>();
        bool[] values = [true, false, false, true, false, false, false, false, true];
        RleBitPackedHybrid.PackBooleans(values, output);

        Assert.Equal(new byte[] { 0x09, 0x01 }, output.WrittenSpan.ToArray());
        bool[] decoded = new bool[values.Length];
        RleBitPackedHybrid.UnpackBooleans(output.WrittenSpan, decoded);
        Assert.Equal(values, decoded);
    }

    private static void AssertEncodes(int[] values, int bitWidth, byte[] expected)
    {
        var output = new ArrayBufferWriter<byte>();
        RleBitPackedHybrid.Encode(values, bitWidth, output);
        Assert.Equal(expected, output.WrittenSpan.ToArray());

        int[] decoded = new int[values.Length];
        RleBitPackedHybrid.Decode(expected, bitWidth, decoded);
        Assert.Equal(values, decoded);
    }
}
