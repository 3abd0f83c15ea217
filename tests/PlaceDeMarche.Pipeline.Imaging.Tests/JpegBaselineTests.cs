namespace PlaceDeMarche.Pipeline.Imaging.Tests;

/// <summary>
/// Full-size decodes against djpeg (libjpeg-turbo 2.1, default islow IDCT and fancy upsampling). Bound: mean
/// absolute difference ≤ 1.5 levels (brief) and maximum ≤ 4 (observed: mean ≤ 0.07, max ≤ 3; our float IDCT
/// rounds differently from djpeg's integer one).
/// </summary>
public class JpegBaselineTests
{
    [Theory]
    [InlineData("baseline_444.jpg", "baseline_444.ppm")]
    [InlineData("baseline_422.jpg", "baseline_422.ppm")]
    [InlineData("baseline_420.jpg", "baseline_420.ppm")]
    [InlineData("baseline_440.jpg", "baseline_440.ppm")]
    [InlineData("baseline_411.jpg", "baseline_411.ppm")]
    [InlineData("gray.jpg", "gray.pgm")]
    [InlineData("rgb_no_transform.jpg", "rgb_no_transform.ppm")]
    [InlineData("q100_optimized_444.jpg", "q100_optimized_444.ppm")]
    [InlineData("odd_33x17_420.jpg", "odd_33x17_420.ppm")]
    [InlineData("odd_33x17_422.jpg", "odd_33x17_422.ppm")]
    [InlineData("tiny_3x2_420.jpg", "tiny_3x2_420.ppm")]
    [InlineData("large_baseline.jpg", "large_420.ppm")]
    [InlineData("large_restart_1row.jpg", "large_420.ppm")]
    [InlineData("large_restart_5mcu.jpg", "large_420.ppm")]
    [InlineData("large_progressive.jpg", "large_420.ppm")]
    [InlineData("large_progressive_restart.jpg", "large_420.ppm")]
    [InlineData("progressive_gray.jpg", "progressive_gray.pgm")]
    [InlineData("progressive_444.jpg", "progressive_444.ppm")]
    [InlineData("ycck_420.jpg", "ycck_420.ppm")]
    [InlineData("cmyk_420.jpg", "cmyk_420.ppm")]
    [InlineData("exif_stored.jpg", "exif_stored.ppm")]
    public void Decode_MatchesDjpeg(string jpeg, string reference)
    {
        var decoded = ImageDecoder.Decode(Fixture.Bytes(jpeg), sourceName: jpeg);

        var (mean, max) = Fixture.Compare(Fixture.ReadPnm(reference), decoded);
        Assert.True(mean <= 1.5 && max <= 4, $"{jpeg}: mean abs difference {mean:F3}, max {max}");
    }
}
