using PlaceDeMarche.Pipeline.Imaging.Features.ColorHistogram;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Features;

public class ColorHistogramTests
{
    private static RgbImage Solid(int width, int height, params (byte R, byte G, byte B)[] halves)
    {
        // Left half the first colour, right half the second (or all the first).
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = halves[x < width / 2 || halves.Length == 1 ? 0 : 1];
                var i = (y * width + x) * 3;
                (pixels[i], pixels[i + 1], pixels[i + 2]) = (r, g, b);
            }
        }

        return new RgbImage(width, height, pixels);
    }

    [Theory]
    // cv2.cvtColor(float32 RGB / 255, cv2.COLOR_RGB2HSV): H in degrees, S and V in [0, 1].
    [InlineData(200, 100, 50, 19.999996, 0.7499999, 0.78431374)]
    [InlineData(10, 200, 120, 154.73683, 0.94999987, 0.78431374)]
    [InlineData(90, 30, 220, 258.94736, 0.86363626, 0.8627451)]
    [InlineData(128, 128, 128, 0, 0, 0.5019608)]
    public void HsvMatchesOpenCv(byte red, byte green, byte blue, double hueDegrees, double saturation, double value)
    {
        var (h, s, v) = ColorHistogramExtractor.ToHsvUnit(red, green, blue);
        Assert.Equal(hueDegrees, h * 360, 3);
        Assert.Equal(saturation, s, 5);
        Assert.Equal(value, v, 5);
    }

    [Fact]
    public void HsvHistogramSplitsTwoColoursEvenly()
    {
        var histogram = ColorHistogramExtractor.Compute(Solid(4, 3, (255, 0, 0), (0, 0, 255)), new ColorHistogramOptions());
        Assert.Equal(8 * 4 * 4, histogram.Length);
        // Red: hue bin 0, saturation and value in the top bin -> (0·4 + 3)·4 + 3 = 15.
        Assert.Equal(0.5f, histogram[15]);
        // Blue: hue 240° -> bin floor(8 · 2/3) = 5 -> (5·4 + 3)·4 + 3 = 95.
        Assert.Equal(0.5f, histogram[95]);
        Assert.Equal(1f, histogram.Sum(), 5);
    }

    [Fact]
    public void RgbHistogramUsesEqualWidthBins()
    {
        var options = new ColorHistogramOptions { Space = ColorSpace.Rgb, FirstBins = 4, SecondBins = 4, ThirdBins = 4 };
        var histogram = ColorHistogramExtractor.Compute(Solid(2, 2, (255, 0, 128)), options);
        // 255 -> bin 3, 0 -> bin 0, 128 -> bin 2: 3·16 + 0·4 + 2 = 50.
        Assert.Equal(1f, histogram[50]);
        Assert.Equal(1f, histogram.Sum());
    }
}
