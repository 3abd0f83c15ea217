namespace PlaceDeMarche.Pipeline.Imaging;

/// <summary>Applies an EXIF orientation (1..8) so that the image is displayed upright.</summary>
internal static class OrientationTransform
{
    /// <summary>Returns <paramref name="image"/> itself for orientation 1 (or an unknown value), else a transformed copy.</summary>
    public static RgbImage Apply(RgbImage image, int orientation)
    {
        if (orientation is < 2 or > 8)
        {
            return image;
        }

        int w = image.Width, h = image.Height;
        bool swapsAxes = orientation >= 5;
        int outW = swapsAxes ? h : w, outH = swapsAxes ? w : h;

        // Destination pixel index of source (x, y) is origin + x * stepX + y * stepY.
        (int origin, int stepX, int stepY) = orientation switch
        {
            2 => (w - 1, -1, outW),                       // mirror horizontally
            3 => ((h - 1) * outW + w - 1, -1, -outW),      // rotate 180
            4 => ((h - 1) * outW, 1, -outW),               // mirror vertically
            5 => (0, outW, 1),                             // transpose
            6 => (h - 1, outW, -1),                        // rotate 90 clockwise
            7 => ((w - 1) * outW + h - 1, -outW, -1),      // transverse
            _ => ((w - 1) * outW, -outW, 1),               // 8: rotate 90 counter-clockwise
        };

        var source = image.Pixels;
        var destination = new byte[source.Length];
        int s = 0;
        for (int y = 0; y < h; y++)
        {
            int d = origin + y * stepY;
            for (int x = 0; x < w; x++, d += stepX, s += 3)
            {
                int o = d * 3;
                destination[o] = source[s];
                destination[o + 1] = source[s + 1];
                destination[o + 2] = source[s + 2];
            }
        }

        return new RgbImage(outW, outH, destination);
    }
}
