namespace PlaceDeMarche.Pipeline.Imaging.Tests;

public class CorruptInputTests
{
    [Theory]
    [InlineData("truncated.jpg", "truncated")]
    [InlineData("empty.bin", "empty input")]
    [InlineData("text.txt", "not a JPEG or PNG")]
    [InlineData("arithmetic.jpg", "arithmetic coding")]
    [InlineData("png_bad_crc.png", "CRC mismatch")]
    [InlineData("png_truncated.png", "truncated")]
    public void Decode_BadInput_ThrowsNamingSourceAndProblem(string name, string expectedReason)
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(Fixture.Bytes(name), sourceName: name));

        Assert.Contains(expectedReason, error.Message);
        Assert.StartsWith(name + ":", error.Message);
        Assert.Equal(name, error.SourceName);
    }

    [Fact]
    public void Decode_AbsurdHeader_IsRefusedByPixelBudgetBeforeAllocating()
    {
        var data = Fixture.Bytes("absurd_65500x65500.jpg");
        ImageDecoder.DetectFormat(data); // warm up code paths so their one-time allocations are not counted
        Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(data));
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(data, sourceName: "absurd"));

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("pixel budget", error.Message);
        Assert.Contains("65500x65500", error.Message);
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Decode_ProgressiveOverBudget_IsRefusedEvenWhenDownscalingIsAllowed()
    {
        var options = new DecodeOptions { MaxPixels = 1000, DownscaleToFitBudget = true };

        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(Fixture.Bytes("large_progressive.jpg"), options));

        Assert.Contains("progressive", error.Message);
    }

    [Fact]
    public void Decode_PngOverBudget_IsRefused()
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(Fixture.Bytes("png_rgb8.png"), new DecodeOptions { MaxPixels = 100 }));

        Assert.Contains("pixel budget", error.Message);
    }

    [Fact]
    public void DecodeFile_MissingFile_ThrowsNamingThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-image-" + Guid.NewGuid() + ".jpg");

        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.DecodeFile(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Decode_InvalidOptions_IsACallerError()
    {
        Assert.Throws<ArgumentException>(() => ImageDecoder.Decode(Fixture.Bytes("gray.jpg"), new DecodeOptions { Scale = (DecodeScale)3 }));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }, "no frame header")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "GIF images are not supported")]
    public void Decode_TinyInputs_ExplainWhatIsWrong(byte[] data, string expected)
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(data));

        Assert.Contains(expected, error.Message);
    }
}
