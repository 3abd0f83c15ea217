using PlaceDeMarche.Pipeline.Imaging.Processing;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Processing;

/// <summary>Blur, equalisation, CLAHE and gray conversion against OpenCV 4.6 (python3-opencv) on the synthetic patterns.</summary>
public class FilterTests
{
    [Fact]
    public void GaussianBlurMatchesOpenCvWithReflect101Border()
    {
        // cv2.GaussianBlur(Pattern(13, 9) as float32, (7, 7), 1.2, borderType=cv2.BORDER_REFLECT_101): rows 4 and 0.
        // ceil(3 × 1.2) = 4 would give 9 taps, so the 7-tap kernel is passed explicitly to match the reference.
        float[] row4 = [117.8645f, 121.2719f, 124.5213f, 123.2726f, 126.7526f, 132.8547f, 131.3400f, 133.8499f, 146.1106f, 152.4595f, 145.7778f, 131.6930f, 123.7235f];
        float[] row0 = [103.8521f, 110.0123f, 121.1705f, 124.3780f, 121.1544f, 124.3558f, 130.1158f, 130.5866f, 128.8215f, 120.0064f, 109.1386f, 110.6119f, 115.3718f];
        var source = FloatPlane.FromGray(SyntheticImages.Pattern(13, 9));
        var target = new float[13 * 9];
        var scratch = new float[GaussianBlur.ScratchLength(13, 9, 3)];
        GaussianBlur.Apply(source.Data, target, 13, 9, GaussianBlur.Kernel(1.2, 3), scratch);
        SyntheticImages.AssertClose(row4, target.AsSpan(4 * 13, 13).ToArray(), 1e-3f);
        SyntheticImages.AssertClose(row0, target.AsSpan(0, 13).ToArray(), 1e-3f);
    }

    [Fact]
    public void GaussianBlurPreservesAConstantAndUsesThreeSigmaRadius()
    {
        Assert.Equal(4, GaussianBlur.RadiusFor(1.2));
        Assert.Equal(9, GaussianBlur.Kernel(1.2, GaussianBlur.RadiusFor(1.2)).Length);
        var constant = new FloatPlane(6, 5, Enumerable.Repeat(42f, 30).ToArray());
        // Radius 9 exceeds the image, exercising repeated reflection.
        var blurred = GaussianBlur.Apply(constant, 3.0);
        SyntheticImages.AssertClose(constant.Data, blurred.Data, 1e-4f);
    }

    [Fact]
    public void HistogramEqualizationMatchesOpenCv()
    {
        // cv2.equalizeHist(Pattern(16, 16))[3].
        byte[] expected = [19, 72, 131, 197, 252, 221, 21, 73, 134, 102, 163, 222, 23, 242, 47, 103];
        var equalized = HistogramEqualization.Equalize(SyntheticImages.Pattern(16, 16));
        Assert.Equal(expected, equalized.Pixels.AsSpan(3 * 16, 16).ToArray());
    }

    [Fact]
    public void HistogramEqualizationLeavesAConstantImage()
    {
        var constant = new GrayImage(3, 2, [9, 9, 9, 9, 9, 9]);
        Assert.Equal(constant.Pixels, HistogramEqualization.Equalize(constant).Pixels);
    }

    [Fact]
    public void ClaheMatchesOpenCvWithPaddedTiles()
    {
        // cv2.createCLAHE(clipLimit=2.0, tileGridSize=(4, 3)).apply(TexturedRamp(40, 30))[::7, ::9]; 30 rows over 3
        // tiles divide evenly, 40 columns over 4 too, so this checks clipping, redistribution and interpolation.
        // Tolerance 1: OpenCV blends in float with precomputed weights, a .5 can round either way.
        byte[] expected = [5, 192, 207, 202, 209, 108, 105, 91, 75, 57, 30, 87, 203, 52, 196, 148, 145, 45, 217, 105, 84, 129, 158, 202, 232];
        var result = ContrastLimitedEqualization.Apply(SyntheticImages.TexturedRamp(40, 30), clipLimit: 2.0, tilesX: 4, tilesY: 3);
        var sampled = SyntheticImages.Subsample(result.Pixels.Select(p => (float)p).ToArray(), 40, 30, 9, 7);
        SyntheticImages.AssertClose(expected.Select(v => (float)v).ToArray(), sampled, 1f);
    }

    [Fact]
    public void ExistingGrayConversionMatchesOpenCvRec601()
    {
        // cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) with R = Pattern(5,4), G = R flipped vertically, B = R*3 % 256.
        // OpenCV uses 14-bit weights, RgbImage.ToGray 16-bit ones: at most 1 level apart.
        byte[] expected = [10, 68, 126, 154, 212, 136, 194, 73, 131, 83, 112, 170, 123, 182, 61, 11, 70, 100, 129, 188];
        var red = SyntheticImages.Pattern(5, 4).Pixels;
        var rgb = new byte[60];
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 5; x++)
            {
                var i = y * 5 + x;
                rgb[3 * i] = red[i];
                rgb[3 * i + 1] = red[(3 - y) * 5 + x];
                rgb[3 * i + 2] = (byte)(red[i] * 3 % 256);
            }
        }

        var gray = new RgbImage(5, 4, rgb).ToGray();
        SyntheticImages.AssertClose(expected.Select(v => (float)v).ToArray(), gray.Pixels.Select(v => (float)v).ToArray(), 1f);
    }

    [Fact]
    public void CenterCropAndPadProduceCentredSquares()
    {
        var pixels = new byte[4 * 2 * 3];
        for (var i = 0; i < 8; i++)
        {
            pixels[3 * i] = (byte)(i + 1);
        }

        var image = new RgbImage(4, 2, pixels);
        var cropped = SquareFitting.CenterCrop(image);
        Assert.Equal(2, cropped.Width);
        Assert.Equal(new byte[] { 2, 3, 6, 7 }, new[] { cropped.Pixels[0], cropped.Pixels[3], cropped.Pixels[6], cropped.Pixels[9] });
        var padded = SquareFitting.PadToSquare(image, 0, 0, 0);
        Assert.Equal(4, padded.Height);
        Assert.Equal(0, padded.Pixels[0]);
        Assert.Equal(1, padded.Pixels[4 * 3]);
        Assert.Equal(8, padded.Pixels[(2 * 4 + 3) * 3]);
    }
}
