using PlaceDeMarche.Pipeline.Imaging.Processing;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Processing;

/// <summary>
/// References: OpenCV 4.6 (Debian python3-opencv, /usr/bin/python3) cv2.resize on SyntheticImages.Pattern, the exact
/// call in each test's comment:
/// float32 inputs so OpenCV computes in float (tolerance 1e-3 for float rounding of the weights); uint8 INTER_AREA
/// with an integer factor is an exact box mean in OpenCV, so the rounded result must match exactly.
/// </summary>
public class ImageResizerTests
{
    private static FloatPlane PatternPlane(int width, int height) => FloatPlane.FromGray(SyntheticImages.Pattern(width, height));

    [Fact]
    public void AreaDownscaleByNonIntegerFactorMatchesOpenCv()
    {
        // cv2.resize(fs, (5, 4), interpolation=cv2.INTER_AREA) with fs = Pattern(13, 9) as float32.
        float[] expected = [89.3590f, 120.7350f, 130.3248f, 120.7094f, 117.0769f, 120.9487f, 139.9829f, 138.3419f, 147.1539f, 129.7265f,
            115.3419f, 103.8120f, 130.8034f, 155.6581f, 131.3932f, 141.3932f, 102.6496f, 172.0855f, 103.6239f, 121.8718f];
        var actual = ImageResizer.Resize(PatternPlane(13, 9), 5, 4, ResizeMethod.Area);
        SyntheticImages.AssertClose(expected, actual.Data, 1e-3f);
    }

    [Fact]
    public void AreaDownscaleOfBytesByIntegerFactorIsTheRoundedBoxMean()
    {
        // cv2.resize(Pattern(12, 8), (4, 4), interpolation=cv2.INTER_AREA) on uint8.
        byte[] expected = [86, 122, 116, 109, 111, 174, 149, 124, 137, 96, 152, 139, 147, 102, 128, 111];
        var actual = ImageResizer.Resize(SyntheticImages.Pattern(12, 8), 4, 4, ResizeMethod.Area);
        Assert.Equal(expected, actual.Pixels);
    }

    [Fact]
    public void BilinearDownscaleMatchesOpenCv()
    {
        // cv2.resize(fs, (7, 5), interpolation=cv2.INTER_LINEAR).
        float[] expected = [53.4571f, 127.3714f, 98.8857f, 172.8000f, 93.1143f, 93.8857f, 138.5428f, 171.4571f, 63.9714f, 158.6857f,
            189.2000f, 213.7143f, 88.0286f, 156.0857f, 135.8571f, 183.4285f, 30.2857f, 151.0000f, 180.7143f, 236.4286f, 75.1428f,
            78.3143f, 167.1714f, 60.3428f, 94.6000f, 143.0000f, 167.8286f, 103.9143f, 152.4286f, 111.9143f, 107.4857f, 191.8000f,
            141.8571f, 60.2286f, 149.7429f];
        var actual = ImageResizer.Resize(PatternPlane(13, 9), 7, 5, ResizeMethod.Bilinear);
        SyntheticImages.AssertClose(expected, actual.Data, 1e-3f);
    }

    [Fact]
    public void BilinearUpscaleMatchesOpenCvIncludingBorders()
    {
        // cv2.resize(fs, (20, 11), interpolation=cv2.INTER_LINEAR)[::3, ::4].
        float[] expected = [0.0000f, 89.7250f, 185.9250f, 26.1250f, 122.3250f, 122.0000f, 88.9386f, 192.7386f, 183.2841f, 126.5023f,
            182.4546f, 93.0886f, 188.9977f, 158.6704f, 139.9613f, 149.8182f, 123.0523f, 127.0887f, 181.3068f, 56.8705f];
        var actual = ImageResizer.Resize(PatternPlane(13, 9), 20, 11, ResizeMethod.Bilinear);
        SyntheticImages.AssertClose(expected, SyntheticImages.Subsample(actual.Data, 20, 11, 4, 3), 1e-3f);
    }

    [Fact]
    public void BicubicMatchesOpenCv()
    {
        // cv2.resize(fs, (17, 6), interpolation=cv2.INTER_CUBIC)[:, ::3].
        float[] expected = [14.7842f, 113.7627f, 124.4728f, 63.3453f, 119.0963f, 145.4925f, 178.6236f, 46.8539f, 104.5319f, 200.0818f,
            73.0279f, 142.2829f, 12.2702f, 179.7213f, 214.2254f, 56.6074f, 151.6487f, 126.0084f, 209.6376f, 108.3794f, 150.4397f,
            46.2815f, 101.2495f, 111.2696f, 25.9728f, 211.5342f, 95.4042f, 76.4820f, 107.7171f, 123.3522f, 205.8871f, 93.6124f,
            125.1320f, 251.5155f, 66.1288f, 173.1459f];
        var actual = ImageResizer.Resize(PatternPlane(13, 9), 17, 6, ResizeMethod.Bicubic);
        SyntheticImages.AssertClose(expected, SyntheticImages.Subsample(actual.Data, 17, 6, 3, 1), 1e-3f);
    }

    [Fact]
    public void RgbResizeTreatsChannelsIndependently()
    {
        var gray = SyntheticImages.Pattern(13, 9);
        var rgbPixels = new byte[gray.Pixels.Length * 3];
        for (var i = 0; i < gray.Pixels.Length; i++)
        {
            rgbPixels[3 * i] = gray.Pixels[i];
            rgbPixels[3 * i + 1] = (byte)(255 - gray.Pixels[i]);
            rgbPixels[3 * i + 2] = 7;
        }

        var rgb = ImageResizer.Resize(new RgbImage(13, 9, rgbPixels), 5, 4, ResizeMethod.Area);
        var expectedRed = ImageResizer.Resize(gray, 5, 4, ResizeMethod.Area);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(expectedRed.Pixels[i], rgb.Pixels[3 * i]);
            Assert.InRange(rgb.Pixels[3 * i] + rgb.Pixels[3 * i + 1], 254, 256);
            Assert.Equal(7, rgb.Pixels[3 * i + 2]);
        }
    }

    [Theory]
    [InlineData(1000, 500, 512, 512, 256)]
    [InlineData(300, 900, 512, 171, 512)]
    [InlineData(200, 100, 512, 200, 100)]
    public void FitWithinKeepsAspectAndNeverEnlarges(int width, int height, int maxSide, int expectedWidth, int expectedHeight)
    {
        Assert.Equal((expectedWidth, expectedHeight), ImageResizer.FitWithin(width, height, maxSide));
    }
}
