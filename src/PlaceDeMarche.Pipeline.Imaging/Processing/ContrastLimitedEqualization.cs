namespace PlaceDeMarche.Pipeline.Imaging.Processing;

/// <summary>
/// CLAHE as OpenCV's createCLAHE: the image (padded by reflect-101 to a multiple of the grid) is cut into tiles, each
/// tile's histogram is clipped at clipLimit × tileArea / 256 with the excess spread evenly, and each pixel blends the
/// lookup tables of its four nearest tile centres bilinearly.
/// </summary>
public static class ContrastLimitedEqualization
{
    /// <summary>Equalises <paramref name="image"/> with a <paramref name="tilesX"/> × <paramref name="tilesY"/> grid.</summary>
    public static GrayImage Apply(GrayImage image, double clipLimit = 40, int tilesX = 8, int tilesY = 8)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tilesX);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tilesY);
        var width = image.Width;
        var height = image.Height;
        var tileWidth = (width + tilesX - 1) / tilesX;
        var tileHeight = (height + tilesY - 1) / tilesY;
        var tileArea = tileWidth * tileHeight;
        var limit = clipLimit > 0 ? Math.Max((int)(clipLimit * tileArea / 256), 1) : int.MaxValue;
        var lookups = new byte[tilesX * tilesY * 256];
        var histogram = new int[256];
        var lutScale = 255f / tileArea;
        for (var ty = 0; ty < tilesY; ty++)
        {
            for (var tx = 0; tx < tilesX; tx++)
            {
                Array.Clear(histogram);
                for (var y = ty * tileHeight; y < (ty + 1) * tileHeight; y++)
                {
                    var sourceY = BorderIndex.Reflect101(y, height);
                    for (var x = tx * tileWidth; x < (tx + 1) * tileWidth; x++)
                    {
                        histogram[image.Pixels[sourceY * width + BorderIndex.Reflect101(x, width)]]++;
                    }
                }

                ClipHistogram(histogram, limit);
                var lookup = lookups.AsSpan((ty * tilesX + tx) * 256, 256);
                var cumulative = 0;
                for (var level = 0; level < 256; level++)
                {
                    cumulative += histogram[level];
                    lookup[level] = FloatPlane.SaturateToByte(cumulative * lutScale);
                }
            }
        }

        var result = new byte[width * height];
        var inverseTileWidth = 1f / tileWidth;
        var inverseTileHeight = 1f / tileHeight;
        for (var y = 0; y < height; y++)
        {
            var tyf = y * inverseTileHeight - 0.5f;
            var ty1 = (int)MathF.Floor(tyf);
            var ya = tyf - ty1;
            var ty2 = Math.Min(ty1 + 1, tilesY - 1);
            ty1 = Math.Max(ty1, 0);
            for (var x = 0; x < width; x++)
            {
                var txf = x * inverseTileWidth - 0.5f;
                var tx1 = (int)MathF.Floor(txf);
                var xa = txf - tx1;
                var tx2 = Math.Min(tx1 + 1, tilesX - 1);
                tx1 = Math.Max(tx1, 0);
                var value = image.Pixels[y * width + x];
                var topLeft = lookups[(ty1 * tilesX + tx1) * 256 + value];
                var topRight = lookups[(ty1 * tilesX + tx2) * 256 + value];
                var bottomLeft = lookups[(ty2 * tilesX + tx1) * 256 + value];
                var bottomRight = lookups[(ty2 * tilesX + tx2) * 256 + value];
                var blended = (topLeft * (1 - xa) + topRight * xa) * (1 - ya) + (bottomLeft * (1 - xa) + bottomRight * xa) * ya;
                result[y * width + x] = FloatPlane.SaturateToByte(blended);
            }
        }

        return new GrayImage(width, height, result);
    }

    /// <summary>Caps every bin at <paramref name="limit"/>, adds the excess evenly and the remainder at regular steps.</summary>
    private static void ClipHistogram(int[] histogram, int limit)
    {
        var clipped = 0;
        for (var level = 0; level < 256; level++)
        {
            if (histogram[level] > limit)
            {
                clipped += histogram[level] - limit;
                histogram[level] = limit;
            }
        }

        var batch = clipped / 256;
        var residual = clipped - batch * 256;
        for (var level = 0; level < 256; level++)
        {
            histogram[level] += batch;
        }

        if (residual > 0)
        {
            var step = Math.Max(256 / residual, 1);
            for (var level = 0; level < 256 && residual > 0; level += step, residual--)
            {
                histogram[level]++;
            }
        }
    }
}
