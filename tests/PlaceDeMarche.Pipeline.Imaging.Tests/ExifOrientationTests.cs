namespace PlaceDeMarche.Pipeline.Imaging.Tests;

public class ExifOrientationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Decode_AppliesExifOrientation(int orientation)
    {
        var stored = Fixture.ReadPnm("exif_stored.ppm");
        var expected = Orient(stored, orientation);

        var decoded = ImageDecoder.Decode(Fixture.Bytes($"exif_orientation_{orientation}.jpg"));

        var (mean, max) = Fixture.Compare(expected, decoded);
        Assert.True(mean <= 1.5 && max <= 4, $"orientation {orientation}: mean {mean:F3}, max {max}");
    }

    [Fact]
    public void Decode_WithOrientationDisabled_KeepsStoredLayout()
    {
        var decoded = ImageDecoder.Decode(Fixture.Bytes("exif_orientation_6.jpg"), new DecodeOptions { ApplyExifOrientation = false });

        Assert.Equal((24, 16), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Identify_ReportsOrientationAndStoredSize()
    {
        var info = ImageDecoder.Identify(Fixture.Bytes("exif_orientation_8.jpg"));

        Assert.Equal(new ImageInfo(ImageFormat.Jpeg, 24, 16, 3, false, 8), info);
    }

    /// <summary>Reference by the EXIF 2.3 definitions: where the stored row 0 / column 0 must be displayed.</summary>
    private static RgbImage Orient(RgbImage source, int orientation)
    {
        int w = source.Width, h = source.Height;
        bool transposed = orientation >= 5;
        int outW = transposed ? h : w, outH = transposed ? w : h;
        var pixels = new byte[source.Pixels.Length];
        for (int y = 0; y < outH; y++)
        {
            for (int x = 0; x < outW; x++)
            {
                // Inverse mapping: which stored pixel is displayed at (x, y).
                (int sx, int sy) = orientation switch
                {
                    1 => (x, y),
                    2 => (w - 1 - x, y),
                    3 => (w - 1 - x, h - 1 - y),
                    4 => (x, h - 1 - y),
                    5 => (y, x),
                    6 => (y, h - 1 - x),
                    7 => (w - 1 - y, h - 1 - x),
                    _ => (w - 1 - y, x),
                };
                Array.Copy(source.Pixels, (sy * w + sx) * 3, pixels, (y * outW + x) * 3, 3);
            }
        }

        return new RgbImage(outW, outH, pixels);
    }
}
