using PlaceDeMarche.Pipeline.Parquet.Columns;

namespace PlaceDeMarche.Pipeline.Parquet.Tests;

/// <summary>Malformed and truncated files must fail with <see cref="ParquetFormatException"/>, never a crash of another kind.</summary>
public sealed class CorruptFileTests
{
    private static readonly byte[] ValidFile = WriteSample();

    [Theory]
    [InlineData(new byte[0], "too short")]
    [InlineData(new byte[] { (byte)'P', (byte)'A', (byte)'R', (byte)'1' }, "too short")]
    [InlineData(new byte[] { 1, 2, 3, 4, 0, 0, 0, 0, (byte)'P', (byte)'A', (byte)'R', (byte)'1' }, "offset 0")]
    [InlineData(new byte[] { (byte)'P', (byte)'A', (byte)'R', (byte)'1', 0, 0, 0, 0, 1, 2, 3, 4 }, "does not end")]
    [InlineData(new byte[] { (byte)'P', (byte)'A', (byte)'R', (byte)'1', 0xFF, 0, 0, 0, (byte)'P', (byte)'A', (byte)'R', (byte)'1' }, "footer length 255")]
    public void GarbageIsRejectedWithLocation(byte[] bytes, string expectedFragment)
    {
        var error = Assert.Throws<ParquetFormatException>(() => ParquetReader.Read(new MemoryStream(bytes)));

        Assert.Contains(expectedFragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTruncationIsRejected()
    {
        for (int length = 0; length < ValidFile.Length; length += 7)
        {
            var stream = new MemoryStream(ValidFile, 0, length);
            Assert.Throws<ParquetFormatException>(() => ParquetReader.Read(stream));
        }
    }

    [Fact]
    public void TruncatedFooterNamesItsOffset()
    {
        // Keep the trailer but claim a footer longer than the real one so decoding starts too early or overruns.
        byte[] bytes = [.. ValidFile];
        int footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        BitConverter.GetBytes(footerLength - 5).CopyTo(bytes, bytes.Length - 8);

        var error = Assert.Throws<ParquetFormatException>(() => ParquetReader.Read(new MemoryStream(bytes)));

        Assert.Contains("offset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptedBytesNeverEscapeAsOtherExceptions()
    {
        var random = new Random(7);
        for (int attempt = 0; attempt < 400; attempt++)
        {
            byte[] bytes = [.. ValidFile];
            int position = random.Next(4, bytes.Length - 8);
            bytes[position] = (byte)random.Next(256);
            try
            {
                ParquetReader.Read(new MemoryStream(bytes));
            }
            catch (Exception exception) when (exception is ParquetFormatException or NotSupportedException)
            {
                // Expected outcomes for a damaged file; silently different values are possible when only data bytes change.
            }
        }
    }

    private static byte[] WriteSample()
    {
        var table = new ParquetTable(
            new PrimitiveColumn<int>("i", new int?[] { 1, null, 3, 4 }),
            new StringColumn("s", ["a", "bb", null, "dddd"], isNullable: true),
            new FloatVectorColumn("v", [[1, 2], [], null, [3]], isNullable: true));
        using var stream = new MemoryStream();
        ParquetWriter.Write(stream, table, new ParquetWriteOptions { Compression = ParquetCompression.Snappy, RowGroupSize = 2 });
        return stream.ToArray();
    }
}
