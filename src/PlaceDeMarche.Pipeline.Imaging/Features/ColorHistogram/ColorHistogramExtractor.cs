namespace PlaceDeMarche.Pipeline.Imaging.Features.ColorHistogram;

/// <summary>Joint colour histogram normalised to sum 1: a cheap global image descriptor for the baseline.</summary>
public static class ColorHistogramExtractor
{
    /// <summary>
    /// Fraction of pixels in each (first, second, third) bin, flattened with the third channel fastest; length
    /// FirstBins × SecondBins × ThirdBins. Channels are split into equal-width bins over their full range.
    /// </summary>
    public static float[] Compute(RgbImage image, ColorHistogramOptions options)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.FirstBins);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SecondBins);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ThirdBins);
        var histogram = new float[options.FirstBins * options.SecondBins * options.ThirdBins];
        var pixels = image.Pixels;
        var counts = new int[histogram.Length];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            float first, second, third;
            if (options.Space == ColorSpace.Hsv)
            {
                (first, second, third) = ToHsvUnit(pixels[i], pixels[i + 1], pixels[i + 2]);
            }
            else
            {
                (first, second, third) = (pixels[i] / 256f, pixels[i + 1] / 256f, pixels[i + 2] / 256f);
            }

            var a = Math.Min((int)(first * options.FirstBins), options.FirstBins - 1);
            var b = Math.Min((int)(second * options.SecondBins), options.SecondBins - 1);
            var c = Math.Min((int)(third * options.ThirdBins), options.ThirdBins - 1);
            counts[(a * options.SecondBins + b) * options.ThirdBins + c]++;
        }

        var pixelCount = (float)(pixels.Length / 3);
        for (var k = 0; k < counts.Length; k++)
        {
            histogram[k] = counts[k] / pixelCount;
        }

        return histogram;
    }

    /// <summary>HSV with each channel scaled to [0, 1] (hue / 360); gray pixels get hue 0.</summary>
    public static (float Hue, float Saturation, float Value) ToHsvUnit(byte red, byte green, byte blue)
    {
        var max = Math.Max(red, Math.Max(green, blue));
        var min = Math.Min(red, Math.Min(green, blue));
        var delta = (float)(max - min);
        var value = max / 255f;
        if (max == 0 || delta == 0)
        {
            return (0, 0, value);
        }

        var saturation = delta / max;
        float hue;
        if (max == red)
        {
            hue = (green - blue) / delta;
        }
        else if (max == green)
        {
            hue = 2 + (blue - red) / delta;
        }
        else
        {
            hue = 4 + (red - green) / delta;
        }

        hue /= 6;
        if (hue < 0)
        {
            hue += 1;
        }

        return (hue, saturation, value);
    }
}
