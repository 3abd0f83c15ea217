using PlaceDeMarche.Pipeline.Imaging.Embeddings;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Embeddings;

/// <summary>Expected tensors worked out by hand from (pixel / divisor - mean) / std on tiny images.</summary>
public sealed class CnnInputRecipeTests
{
    // A 4 x 2 image; pixel (x, y) = (10x + 100y, 20 + x, 200 - x).
    private static RgbImage FourByTwo()
    {
        var pixels = new byte[4 * 2 * 3];
        for (var y = 0; y < 2; y++)
        {
            for (var x = 0; x < 4; x++)
            {
                var i = (y * 4 + x) * 3;
                (pixels[i], pixels[i + 1], pixels[i + 2]) = ((byte)(10 * x + 100 * y), (byte)(20 + x), (byte)(200 - x));
            }
        }

        return new RgbImage(4, 2, pixels);
    }

    [Fact]
    public void CentreCropIsNormalisedPerChannelIntoPlanes()
    {
        // Shorter side already 2: no resize; the 2 x 2 window starts at x = 1.
        var recipe = new CnnInputRecipe(2, 2, 255, [0.5f, 0.25f, 0f], [0.5f, 0.25f, 2f], ChannelOrder.Rgb);
        var tensor = new float[recipe.TensorLength];

        recipe.Fill(FourByTwo(), tensor, mirrored: false);

        // R plane: pixels 10, 20 / 110, 120 -> (p / 255 - 0.5) / 0.5.
        float[] red = [10, 20, 110, 120];
        float[] green = [21, 22, 21, 22];
        float[] blue = [199, 198, 199, 198];
        float[] expected =
        [
            .. red.Select(p => (p / 255f - 0.5f) / 0.5f),
            .. green.Select(p => (p / 255f - 0.25f) / 0.25f),
            .. blue.Select(p => p / 255f / 2f),
        ];
        Assert.Equal(expected.Length, tensor.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], tensor[i], 5);
        }
    }

    [Fact]
    public void BgrOrderSwapsPlanesAndMirrorFlipsColumns()
    {
        var recipe = new CnnInputRecipe(2, 2, 1, [0, 0, 0], [1, 1, 1], ChannelOrder.Bgr);
        var tensor = new float[recipe.TensorLength];

        recipe.Fill(FourByTwo(), tensor, mirrored: true);

        // Planes B, G, R; each row read right to left within the window x = 1..2.
        Assert.Equal([198, 199, 198, 199, 22, 21, 22, 21, 20, 10, 120, 110], tensor);
    }

    [Fact]
    public void ShorterSideResizeAveragesBlocksBeforeTheCrop()
    {
        // 8 x 4 -> shorter side 2 = 4 x 2 (area: each output is the mean of a 2 x 2 block), then crop x = 1..2.
        var pixels = new byte[8 * 4 * 3];
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                // Blocks of constant mean: values 4 * block column + (x + y) % 2 * 2, so each block averages 4 * bx + 1.
                pixels[(y * 8 + x) * 3] = (byte)(4 * (x / 2) + (x + y) % 2 * 2);
            }
        }

        var recipe = new CnnInputRecipe(2, 2, 1, [0, 0, 0], [1, 1, 1], ChannelOrder.Rgb);
        var tensor = new float[recipe.TensorLength];

        recipe.Fill(new RgbImage(8, 4, pixels), tensor, mirrored: false);

        Assert.Equal([5, 9, 5, 9], tensor[..4]);
    }

    [Fact]
    public void PadCentresTheWholePhotoOnWhite()
    {
        // 4 x 2 with the longer side to 4: no resize, one white row above and below.
        var recipe = new CnnInputRecipe(4, 4, 1, [0, 0, 0], [1, 1, 1], ChannelOrder.Rgb, Pad: true);
        var tensor = new float[recipe.TensorLength];

        recipe.Fill(FourByTwo(), tensor, mirrored: false);

        Assert.Equal([255, 255, 255, 255, 0, 10, 20, 30, 100, 110, 120, 130, 255, 255, 255, 255], tensor[..16]);
    }

    [Theory]
    [InlineData(500, 375, 256, 341, 256)]
    [InlineData(375, 500, 256, 256, 341)]
    [InlineData(300, 300, 224, 224, 224)]
    public void ShorterSideFollowsTorchvisionTruncation(int width, int height, int shorter, int expectedWidth, int expectedHeight)
    {
        Assert.Equal((expectedWidth, expectedHeight), CnnInputRecipe.ShorterSideTo(width, height, shorter));
    }

    [Fact]
    public void RejectsAResizeSmallerThanTheCrop()
    {
        var error = Assert.Throws<ArgumentException>(() => new CnnInputRecipe(200, 224, 255, [0, 0, 0], [1, 1, 1], ChannelOrder.Rgb).Validate("images.cnn.x"));

        Assert.Contains("images.cnn.x", error.Message);
    }
}
