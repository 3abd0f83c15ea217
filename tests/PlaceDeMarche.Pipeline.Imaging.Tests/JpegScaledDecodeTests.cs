namespace PlaceDeMarche.Pipeline.Imaging.Tests;

/// <summary>
/// DCT-domain downscaling against djpeg -scale 1/N. Our reduced IDCT is the exact box-filtered IDCT;
/// libjpeg-turbo's reduced IDCTs approximate the same thing. Bound as at full size: mean absolute difference
/// ≤ 1.5 and maximum ≤ 4 levels (observed: mean ≤ 0.06, max ≤ 3).
/// </summary>
public class JpegScaledDecodeTests
{
    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var name in new[] { "baseline_420", "baseline_444", "baseline_422", "large_progressive", "odd_33x17_420" })
        {
            foreach (int denominator in new[] { 2, 4, 8 })
            {
                cases.Add(name, denominator);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ScaledDecode_MatchesDjpegScale(string name, int denominator)
    {
        var options = new DecodeOptions { Scale = (DecodeScale)denominator };

        var decoded = ImageDecoder.Decode(Fixture.Bytes(name + ".jpg"), options);

        var (mean, max) = Fixture.Compare(Fixture.ReadPnm($"{name}_scale1_{denominator}.ppm"), decoded);
        Assert.True(mean <= 1.5 && max <= 4, $"{name} 1/{denominator}: mean {mean:F3}, max {max}");
    }

    [Fact]
    public void MinShortSide_PicksLargestReductionKeepingTheShortSide()
    {
        // 81x45: 1/2 gives 41x23 (short side 23 >= 20), 1/4 would give 21x12 (< 20).
        var decoded = ImageDecoder.Decode(Fixture.Bytes("large_baseline.jpg"), new DecodeOptions { MinShortSide = 20 });

        Assert.Equal((41, 23), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void MinShortSide_LargerThanImage_DecodesFullSize()
    {
        var decoded = ImageDecoder.Decode(Fixture.Bytes("large_baseline.jpg"), new DecodeOptions { MinShortSide = 224 });

        Assert.Equal((81, 45), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void DownscaleToFitBudget_DecodesAtTheFirstReductionThatFits()
    {
        // 81x45 = 3645 pixels; 1/2 = 41x23 = 943 > 900; 1/4 = 21x12 = 252 fits.
        var options = new DecodeOptions { MaxPixels = 900, DownscaleToFitBudget = true };

        var decoded = ImageDecoder.Decode(Fixture.Bytes("large_baseline.jpg"), options);

        Assert.Equal((21, 12), (decoded.Width, decoded.Height));
        var (mean, max) = Fixture.Compare(ImageDecoder.Decode(Fixture.Bytes("large_baseline.jpg"), new DecodeOptions { Scale = DecodeScale.Quarter }), decoded);
        Assert.Equal((0.0, 0), (mean, max));
    }
}
