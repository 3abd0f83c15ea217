namespace PlaceDeMarche.Pipeline.Imaging.Processing;

/// <summary>Makes images square before resizing to a fixed model input.</summary>
public static class SquareFitting
{
    /// <summary>The largest centred square of <paramref name="image"/> (odd margins leave the extra pixel at the end).</summary>
    public static RgbImage CenterCrop(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var side = Math.Min(image.Width, image.Height);
        var left = (image.Width - side) / 2;
        var top = (image.Height - side) / 2;
        var pixels = new byte[side * side * 3];
        for (var y = 0; y < side; y++)
        {
            image.GetRow(top + y).Slice(left * 3, side * 3).CopyTo(pixels.AsSpan(y * side * 3, side * 3));
        }

        return new RgbImage(side, side, pixels);
    }

    /// <summary>Centres <paramref name="image"/> on a square of its longest side filled with the given colour.</summary>
    public static RgbImage PadToSquare(RgbImage image, byte red = 255, byte green = 255, byte blue = 255)
    {
        ArgumentNullException.ThrowIfNull(image);
        var side = Math.Max(image.Width, image.Height);
        var left = (side - image.Width) / 2;
        var top = (side - image.Height) / 2;
        var pixels = new byte[side * side * 3];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            pixels[i] = red;
            pixels[i + 1] = green;
            pixels[i + 2] = blue;
        }

        for (var y = 0; y < image.Height; y++)
        {
            image.GetRow(y).CopyTo(pixels.AsSpan(((top + y) * side + left) * 3, image.Width * 3));
        }

        return new RgbImage(side, side, pixels);
    }
}
