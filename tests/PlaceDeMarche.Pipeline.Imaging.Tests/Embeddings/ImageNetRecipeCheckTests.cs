using PlaceDeMarche.Pipeline.Imaging.Embeddings;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Embeddings;

public sealed class ImageNetRecipeCheckTests
{
    private static int[] Expected => [.. ImageNetTestPictures.All.Select(p => p.ExpectedClass)];

    [Fact]
    public void AClassifierThatNamesEverySubjectPasses()
    {
        IReadOnlyList<RgbImage>? seen = null;

        var recognised = ImageNetRecipeCheck.Verify("images.cnn.m", pictures =>
        {
            seen = pictures;
            return Expected;
        });

        Assert.Equal(4, recognised);
        Assert.Equal(ImageNetTestPictures.All.Select(p => p.Image), seen!);
    }

    [Fact]
    public void AMissNamesThePictureTheClassesAndTheSettingsToCheck()
    {
        var found = Expected;
        found[2] = 818;

        var error = Assert.Throws<InvalidDataException>(() => ImageNetRecipeCheck.Verify("images.cnn.m", _ => found));

        Assert.Contains("images.cnn.m: the model does not recognise 1 of 4", error.Message);
        Assert.Contains("the spider web (class 815) was taken for class 818", error.Message);
        Assert.Contains("images.cnn.m.pixel_divisor", error.Message);
    }

    [Fact]
    public void ThePicturesAreDrawnTheSameWayEachTimeAndDifferFromOneAnother()
    {
        var pictures = ImageNetTestPictures.All;

        Assert.All(pictures, p => Assert.Equal((ImageNetTestPictures.Size, ImageNetTestPictures.Size), (p.Image.Width, p.Image.Height)));
        Assert.Equal(pictures.Count, pictures.Select(p => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(p.Image.Pixels))).Distinct().Count());
        Assert.All(pictures, p => Assert.True(p.Image.Pixels.Distinct().Count() > 1, $"the {p.Subject} is not a flat colour"));
        // The honeycomb's cells are amber: more red than blue everywhere.
        var honeycomb = pictures[0].Image.Pixels;
        Assert.All(Enumerable.Range(0, honeycomb.Length / 3), i => Assert.True(honeycomb[(3 * i) + 0] > honeycomb[(3 * i) + 2]));
    }
}
