namespace PlaceDeMarche.Pipeline.Imaging.Tests;

/// <summary>PNG decodes against netpbm's pngtopam -mix -background=white (alpha over white), exact up to 1 level of rounding.</summary>
public class PngDecoderTests
{
    [Theory]
    [InlineData("png_gray1")]
    [InlineData("png_gray2")]
    [InlineData("png_gray4")]
    [InlineData("png_gray8")]
    [InlineData("png_gray16")]
    [InlineData("png_gray8_trns")]
    [InlineData("png_rgb8")]
    [InlineData("png_rgb16")]
    [InlineData("png_rgb8_trns")]
    [InlineData("png_gray_alpha8")]
    [InlineData("png_gray_alpha16")]
    [InlineData("png_rgba8")]
    [InlineData("png_rgba16")]
    [InlineData("png_palette1")]
    [InlineData("png_palette2")]
    [InlineData("png_palette4")]
    [InlineData("png_palette8")]
    [InlineData("png_rgba8_interlaced")]
    [InlineData("png_gray2_interlaced")]
    [InlineData("png_palette4_interlaced")]
    [InlineData("png_rgb16_interlaced_1x1")]
    public void Decode_MatchesNetpbm(string name)
    {
        var decoded = ImageDecoder.Decode(Fixture.Bytes(name + ".png"), sourceName: name);

        var (mean, max) = Fixture.Compare(Fixture.ReadPnm(name + ".ppm"), decoded);
        Assert.True(max <= 1, $"{name}: mean {mean:F3}, max {max}");
    }

    [Fact]
    public void Decode_AlphaDropped_KeepsStoredColour()
    {
        var options = new DecodeOptions { Alpha = AlphaHandling.Drop };

        var decoded = ImageDecoder.Decode(Fixture.Bytes("png_rgba8.png"), options);

        // Pixel (0, 0) of the generator: samples (x*37 + y*101 + c*53) % 256 = 0, 53, 106; its alpha is 0.
        Assert.Equal(new byte[] { 0, 53, 106 }, decoded.Pixels[..3]);
    }

    [Fact]
    public void Decode_AlphaComposited_TransparentPixelIsWhite()
    {
        var decoded = ImageDecoder.Decode(Fixture.Bytes("png_rgba8.png"));

        Assert.Equal(new byte[] { 255, 255, 255 }, decoded.Pixels[..3]);
    }

    [Fact]
    public void Identify_ReadsHeader()
    {
        var info = ImageDecoder.Identify(Fixture.Bytes("png_rgba8_interlaced.png"));

        Assert.Equal(new ImageInfo(ImageFormat.Png, 13, 11, 4, true, 1), info);
    }
}
