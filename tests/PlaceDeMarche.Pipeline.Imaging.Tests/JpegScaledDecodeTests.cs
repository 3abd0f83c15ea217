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

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void ScaledDecode_IsTheFullDecodeBoxFiltered(int denominator)
    {
        // Gray 40x32 (whole blocks, no chroma): the reduced IDCT computes the box filter of the full IDCT before
        // rounding, so it may differ from box-filtering the rounded full decode by at most one level. Groups with a
        // clamped full-size sample (0 or 255) are skipped: there the full decode cut the value before averaging.
        var full = ImageDecoder.Decode(Fixture.Bytes("gray.jpg"), DecodeOptions.Default);
        var scaled = ImageDecoder.Decode(Fixture.Bytes("gray.jpg"), new DecodeOptions { Scale = (DecodeScale)denominator });

        Assert.Equal((full.Width / denominator, full.Height / denominator), (scaled.Width, scaled.Height));
        int compared = 0;
        for (int y = 0; y < scaled.Height; y++)
        {
            for (int x = 0; x < scaled.Width; x++)
            {
                int sum = 0;
                bool clamped = false;
                for (int j = 0; j < denominator; j++)
                {
                    for (int i = 0; i < denominator; i++)
                    {
                        byte sample = full.Pixels[((y * denominator + j) * full.Width + (x * denominator + i)) * 3];
                        sum += sample;
                        clamped |= sample is 0 or 255;
                    }
                }

                if (clamped)
                {
                    continue;
                }

                compared++;
                double boxed = (double)sum / (denominator * denominator);
                Assert.True(Math.Abs(scaled.Pixels[(y * scaled.Width + x) * 3] - boxed) <= 1.0, $"1/{denominator} at ({x}, {y}): {scaled.Pixels[(y * scaled.Width + x) * 3]} vs {boxed:F2}");
            }
        }

        Assert.True(compared >= scaled.Width * scaled.Height / 2, $"only {compared} of {scaled.Width * scaled.Height} samples compared");
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
