namespace PlaceDeMarche.Pipeline.Imaging.Processing;

/// <summary>Global histogram equalisation of gray images with OpenCV's equalizeHist mapping.</summary>
public static class HistogramEqualization
{
    /// <summary>
    /// Maps each level through the cumulative histogram, rescaled so the darkest present level becomes 0 and the
    /// brightest 255; a constant image is returned unchanged.
    /// </summary>
    public static GrayImage Equalize(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        // The module skips locals init, so stackalloc memory must be cleared explicitly.
        Span<int> histogram = stackalloc int[256];
        histogram.Clear();
        foreach (var value in image.Pixels)
        {
            histogram[value]++;
        }

        var first = 0;
        while (histogram[first] == 0)
        {
            first++;
        }

        var total = image.Pixels.Length;
        Span<byte> lookup = stackalloc byte[256];
        lookup.Clear();
        if (histogram[first] == total)
        {
            lookup.Fill((byte)first);
        }
        else
        {
            var scale = 255f / (total - histogram[first]);
            var cumulative = 0;
            for (var level = first + 1; level < 256; level++)
            {
                cumulative += histogram[level];
                lookup[level] = FloatPlane.SaturateToByte(cumulative * scale);
            }
        }

        var result = new byte[total];
        for (var i = 0; i < total; i++)
        {
            result[i] = lookup[image.Pixels[i]];
        }

        return new GrayImage(image.Width, image.Height, result);
    }
}
