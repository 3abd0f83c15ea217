namespace PlaceDeMarche.Pipeline.Imaging.Tests;

public class ImageDecoderTests
{
    [Theory]
    [InlineData("baseline_420.jpg", ImageFormat.Jpeg)]
    [InlineData("png_rgb8.png", ImageFormat.Png)]
    [InlineData("text.txt", ImageFormat.Unknown)]
    [InlineData("empty.bin", ImageFormat.Unknown)]
    public void DetectFormat_UsesTheBytes(string name, ImageFormat expected)
    {
        Assert.Equal(expected, ImageDecoder.DetectFormat(Fixture.Bytes(name)));
    }

    [Fact]
    public void DecodeFile_IgnoresTheExtension()
    {
        string path = Path.Combine(Path.GetTempPath(), "fixture-" + Guid.NewGuid() + ".png");
        File.Copy(Fixture.PathOf("gray.jpg"), path);
        try
        {
            var decoded = ImageDecoder.DecodeFile(path);

            Assert.Equal((40, 32), (decoded.Width, decoded.Height));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Decode_Stream_MatchesSpanDecode()
    {
        var bytes = Fixture.Bytes("large_progressive.jpg");
        using var stream = new MemoryStream(bytes);

        var fromStream = ImageDecoder.Decode(stream);

        Assert.Equal(ImageDecoder.Decode(bytes).Pixels, fromStream.Pixels);
    }

    [Fact]
    public void Identify_Progressive420()
    {
        var info = ImageDecoder.Identify(Fixture.Bytes("large_progressive.jpg"));

        Assert.Equal(new ImageInfo(ImageFormat.Jpeg, 81, 45, 3, true, 1), info);
    }

    [Fact]
    public void ToGray_UsesBt601Weights()
    {
        // 0.299 * 200 + 0.587 * 100 + 0.114 * 50 = 124.2 -> 124; white stays 255.
        var image = new RgbImage(2, 1, [200, 100, 50, 255, 255, 255]);

        var gray = image.ToGray();

        Assert.Equal(new byte[] { 124, 255 }, gray.Pixels);
    }
}
