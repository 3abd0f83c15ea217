using System.Text;
using PlaceDeMarche.Pipeline.Parquet.Compression;

namespace PlaceDeMarche.Pipeline.Parquet.Tests;

/// <summary>Snappy raw format against bytes worked out by hand from the Snappy format description.</summary>
public sealed class SnappyCodecTests
{
    // "abcdabcdabcd": varint length 12; literal of 4 (tag (4 - 1) << 2 = 0x0C) "abcd"; copy with 1-byte offset,
    // length 8, offset 4: tag 0b01 | (8 - 4) << 2 | (4 >> 8) << 5 = 0x11, then offset low byte 0x04.
    private static readonly byte[] HandEncoded = [0x0C, 0x0C, (byte)'a', (byte)'b', (byte)'c', (byte)'d', 0x11, 0x04];

    [Fact]
    public void CompressesRepeatToLiteralPlusCopy()
    {
        byte[] input = Encoding.ASCII.GetBytes("abcdabcdabcd");

        Assert.Equal(HandEncoded, Compress(input));
    }

    [Fact]
    public void DecompressesHandEncodedStream()
    {
        byte[] output = new byte[12];
        SnappyCodec.Decompress(HandEncoded, output);

        Assert.Equal("abcdabcdabcd", Encoding.ASCII.GetString(output));
    }

    [Fact]
    public void DecompressesOverlappingCopyAndTwoByteOffsets()
    {
        // 'a' literal, then copy length 9 from distance 1 with a 2-byte offset: tag 0b10 | (9 - 1) << 2 = 0x22, 0x01 0x00.
        byte[] encoded = [0x0A, 0x00, (byte)'a', 0x22, 0x01, 0x00];
        byte[] output = new byte[10];
        SnappyCodec.Decompress(encoded, output);

        Assert.Equal(new string('a', 10), Encoding.ASCII.GetString(output));
    }

    [Fact]
    public void LongLiteralUsesExtraLengthBytes()
    {
        byte[] input = [.. Enumerable.Range(0, 100).Select(i => (byte)(i * 37 % 101))]; // no 4-byte repeats
        byte[] compressed = Compress(input);

        // varint 100 = 0x64; literal of 100: tag 60 << 2 = 0xF0 then length - 1 = 99 in one byte.
        Assert.Equal(new byte[] { 0x64, 0xF0, 99 }, compressed[..3]);
        Assert.Equal(input, compressed[3..]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(70_000)]
    [InlineData(300_000)]
    public void RoundTripsMixedData(int length)
    {
        var random = new Random(length);
        byte[] input = new byte[length];
        for (int i = 0; i < length; i++)
        {
            // Runs, repeats at varying distances (including beyond 64 KiB) and noise.
            input[i] = (i / 1000 % 3) switch
            {
                0 => (byte)random.Next(256),
                1 => (byte)(i % 7),
                _ => i >= 80_000 ? input[i - 80_000] : (byte)(i % 251),
            };
        }

        byte[] output = new byte[length];
        SnappyCodec.Decompress(Compress(input), output);

        Assert.Equal(input, output);
    }

    [Theory]
    [InlineData(new byte[] { 0x05, 0x10, (byte)'a' })] // literal of 5 with one byte present
    [InlineData(new byte[] { 0x05, 0x00, (byte)'a', 0x11, 0x05 })] // copy from before the start
    [InlineData(new byte[] { 0x06, 0x00, (byte)'a' })] // expands to fewer bytes than declared
    [InlineData(new byte[] { 0x80 })] // length header cut off
    public void CorruptInputThrows(byte[] encoded)
    {
        int declared = encoded[0] < 0x80 ? encoded[0] : 0;
        Assert.Throws<ParquetFormatException>(() => SnappyCodec.Decompress(encoded, new byte[declared]));
    }

    private static byte[] Compress(byte[] input)
    {
        byte[] buffer = new byte[SnappyCodec.MaxCompressedLength(input.Length)];
        return buffer[..SnappyCodec.Compress(input, buffer)];
    }
}
