using PlaceDeMarche.Pipeline.Imaging.Augmentation;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Augmentation;

public sealed class PhotoAugmenterTests
{
    /// <summary>8 x 6, left half black, right half red.</summary>
    private static RgbImage HalfDark()
    {
        var pixels = new byte[8 * 6 * 3];
        for (var y = 0; y < 6; y++)
            for (var x = 4; x < 8; x++)
                pixels[(y * 8 + x) * 3] = 200;
        return new RgbImage(8, 6, pixels);
    }

    [Fact]
    public void TheIdentityChangesNothing()
    {
        var image = HalfDark();
        Assert.Equal(image.Pixels, PhotoAugmenter.Apply(image, PhotoAugmentation.Identity).Pixels);
    }

    [Fact]
    public void MirrorSwapsLeftAndRight()
    {
        var mirrored = PhotoAugmenter.Apply(HalfDark(), PhotoAugmentation.Identity with { Mirror = true });

        Assert.Equal(200, mirrored.Pixels[0]);
        Assert.Equal(0, mirrored.Pixels[7 * 3]);
        Assert.Equal(HalfDark().Pixels, PhotoAugmenter.Apply(mirrored, PhotoAugmentation.Identity with { Mirror = true }).Pixels);
    }

    [Fact]
    public void AShiftBringsInWhiteBackground()
    {
        var shifted = PhotoAugmenter.Apply(HalfDark(), PhotoAugmentation.Identity with { ShiftX = 0.25 });

        Assert.Equal([255, 255, 255], shifted.Pixels[..3]);
        Assert.Equal([0, 0, 0], shifted.Pixels[(2 * 3)..(3 * 3)]);
    }

    [Fact]
    public void BrightnessScalesAUniformImage()
    {
        var gray = new RgbImage(4, 4, Enumerable.Repeat((byte)100, 48).ToArray());

        var brighter = PhotoAugmenter.Apply(gray, PhotoAugmentation.Identity with { Brightness = 1.2, Contrast = 0.5, Saturation = 2 });

        Assert.All(brighter.Pixels, v => Assert.Equal(120, v));
    }

    [Fact]
    public void DrawsStayWithinTheRangesAndKeysTellVariantsApart()
    {
        var random = new Random(1);
        var ranges = new AugmentationRanges();
        var variants = Enumerable.Range(0, 200).Select(_ => ranges.Draw(random.NextDouble)).ToArray();

        Assert.All(variants, v => Assert.InRange(v.RotationDegrees, -15, 15));
        Assert.All(variants, v => Assert.InRange(v.Zoom, 0.85, 1.15));
        Assert.All(variants, v => Assert.InRange(v.ShiftX, -0.1, 0.1));
        Assert.All(variants, v => Assert.InRange(v.Saturation, 0.8, 1.2));
        Assert.Contains(variants, v => v.Mirror);
        Assert.Contains(variants, v => !v.Mirror);
        Assert.Equal(200, variants.Select(v => v.Key).Distinct().Count());
    }
}
