namespace PlaceDeMarche.Pipeline.Imaging.Augmentation;

/// <summary>
/// Applies an <see cref="PhotoAugmentation"/> to an RGB photo, same size out: each output pixel is sampled bilinearly from
/// the inverse-transformed position (mirror, rotation, zoom and shift about the centre); pixels falling outside are
/// white, the catalogue photos' background. Colour jitter follows, as torchvision's ColorJitter orders it.
/// </summary>
public static class PhotoAugmenter
{
    public static RgbImage Apply(RgbImage source, PhotoAugmentation augmentation)
    {
        ArgumentNullException.ThrowIfNull(source);
        var width = source.Width;
        var height = source.Height;
        var output = new byte[width * height * 3];
        var angle = augmentation.RotationDegrees * Math.PI / 180;
        var cos = Math.Cos(angle) / augmentation.Zoom;
        var sin = Math.Sin(angle) / augmentation.Zoom;
        var centreX = (width - 1) / 2.0;
        var centreY = (height - 1) / 2.0;
        var shiftX = augmentation.ShiftX * width;
        var shiftY = augmentation.ShiftY * height;
        for (var y = 0; y < height; y++)
        {
            var dy = y - centreY - shiftY;
            for (var x = 0; x < width; x++)
            {
                var dx = x - centreX - shiftX;
                // Inverse map: undo shift, then rotation and zoom, then the mirror.
                var sourceX = cos * dx + sin * dy;
                var sourceY = -sin * dx + cos * dy;
                if (augmentation.Mirror)
                    sourceX = -sourceX;
                Sample(source, sourceX + centreX, sourceY + centreY, output.AsSpan((y * width + x) * 3, 3));
            }
        }
        Jitter(output, augmentation);
        return new RgbImage(width, height, output);
    }

    private static void Sample(RgbImage source, double x, double y, Span<byte> pixel)
    {
        if (x < -0.5 || y < -0.5 || x > source.Width - 0.5 || y > source.Height - 0.5)
        {
            pixel.Fill(255);
            return;
        }
        var x0 = Math.Clamp((int)Math.Floor(x), 0, source.Width - 1);
        var y0 = Math.Clamp((int)Math.Floor(y), 0, source.Height - 1);
        var x1 = Math.Min(x0 + 1, source.Width - 1);
        var y1 = Math.Min(y0 + 1, source.Height - 1);
        var fx = Math.Clamp(x - x0, 0, 1);
        var fy = Math.Clamp(y - y0, 0, 1);
        var pixels = source.Pixels;
        var stride = source.Width * 3;
        for (var c = 0; c < 3; c++)
        {
            var top = pixels[y0 * stride + x0 * 3 + c] * (1 - fx) + pixels[y0 * stride + x1 * 3 + c] * fx;
            var bottom = pixels[y1 * stride + x0 * 3 + c] * (1 - fx) + pixels[y1 * stride + x1 * 3 + c] * fx;
            pixel[c] = (byte)Math.Clamp(Math.Round(top * (1 - fy) + bottom * fy), 0, 255);
        }
    }

    /// <summary>Brightness (scale), contrast (about the image's mean gray), saturation (about each pixel's gray).</summary>
    private static void Jitter(byte[] pixels, PhotoAugmentation augmentation)
    {
        if (augmentation.Brightness == 1 && augmentation.Contrast == 1 && augmentation.Saturation == 1)
            return;
        double meanGray = 0;
        for (var i = 0; i < pixels.Length; i += 3)
            meanGray += Gray(pixels[i], pixels[i + 1], pixels[i + 2]);
        meanGray = meanGray / (pixels.Length / 3) * augmentation.Brightness;
        Span<double> rgb = stackalloc double[3];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            for (var c = 0; c < 3; c++)
                rgb[c] = pixels[i + c] * augmentation.Brightness;
            for (var c = 0; c < 3; c++)
                rgb[c] = meanGray + (rgb[c] - meanGray) * augmentation.Contrast;
            var gray = Gray(rgb[0], rgb[1], rgb[2]);
            for (var c = 0; c < 3; c++)
                pixels[i + c] = (byte)Math.Clamp(Math.Round(gray + (rgb[c] - gray) * augmentation.Saturation), 0, 255);
        }
    }

    private static double Gray(double r, double g, double b) => 0.299 * r + 0.587 * g + 0.114 * b;
}
