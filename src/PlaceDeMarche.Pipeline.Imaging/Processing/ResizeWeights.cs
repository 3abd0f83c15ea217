namespace PlaceDeMarche.Pipeline.Imaging.Processing;

/// <summary>
/// One axis of a separable resize: for each output position, <see cref="Taps"/> source indices (already clamped to
/// the image) and their weights. Every method is expressed this way so one separable kernel serves them all.
/// </summary>
internal sealed class ResizeWeights
{
    private ResizeWeights(int taps, int[] indices, float[] weights)
    {
        Taps = taps;
        Indices = indices;
        Weights = weights;
    }

    public int Taps { get; }

    public int[] Indices { get; }

    public float[] Weights { get; }

    public static ResizeWeights Create(int sourceLength, int targetLength, ResizeMethod method)
    {
        var scale = (double)sourceLength / targetLength;
        return method switch
        {
            ResizeMethod.Area when scale > 1 => Area(sourceLength, targetLength, scale),
            ResizeMethod.Area or ResizeMethod.Bilinear => Bilinear(sourceLength, targetLength, scale),
            ResizeMethod.Bicubic => Bicubic(sourceLength, targetLength, scale),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown resize method."),
        };
    }

    private static ResizeWeights Bilinear(int sourceLength, int targetLength, double scale)
    {
        var indices = new int[targetLength * 2];
        var weights = new float[targetLength * 2];
        for (var d = 0; d < targetLength; d++)
        {
            var position = (d + 0.5) * scale - 0.5;
            var s = (int)Math.Floor(position);
            var fraction = position - s;
            if (s < 0)
            {
                s = 0;
                fraction = 0;
            }

            if (s >= sourceLength - 1)
            {
                s = sourceLength - 1;
                fraction = 0;
            }

            indices[2 * d] = s;
            indices[2 * d + 1] = Math.Min(s + 1, sourceLength - 1);
            weights[2 * d] = (float)(1 - fraction);
            weights[2 * d + 1] = (float)fraction;
        }

        return new ResizeWeights(2, indices, weights);
    }

    private static ResizeWeights Bicubic(int sourceLength, int targetLength, double scale)
    {
        const double A = -0.75;
        var indices = new int[targetLength * 4];
        var weights = new float[targetLength * 4];
        for (var d = 0; d < targetLength; d++)
        {
            var position = (d + 0.5) * scale - 0.5;
            var s = (int)Math.Floor(position);
            var t = position - s;
            var w0 = ((A * (t + 1) - 5 * A) * (t + 1) + 8 * A) * (t + 1) - 4 * A;
            var w1 = ((A + 2) * t - (A + 3)) * t * t + 1;
            var w2 = ((A + 2) * (1 - t) - (A + 3)) * (1 - t) * (1 - t) + 1;
            var w3 = 1 - w0 - w1 - w2;
            ReadOnlySpan<double> tapWeights = [w0, w1, w2, w3];
            for (var k = 0; k < 4; k++)
            {
                indices[4 * d + k] = Math.Clamp(s - 1 + k, 0, sourceLength - 1);
                weights[4 * d + k] = (float)tapWeights[k];
            }
        }

        return new ResizeWeights(4, indices, weights);
    }

    private static ResizeWeights Area(int sourceLength, int targetLength, double scale)
    {
        // A cell of width `scale` touches at most ceil(scale) + 1 source pixels.
        var taps = (int)Math.Ceiling(scale) + 1;
        var indices = new int[targetLength * taps];
        var weights = new float[targetLength * taps];
        for (var d = 0; d < targetLength; d++)
        {
            var begin = d * scale;
            var end = begin + scale;
            var cellWidth = Math.Min(scale, sourceLength - begin);
            var first = (int)Math.Ceiling(begin);
            var last = (int)Math.Floor(end);
            var tap = 0;
            void Add(int index, double coverage)
            {
                indices[d * taps + tap] = Math.Min(index, sourceLength - 1);
                weights[d * taps + tap] = (float)(coverage / cellWidth);
                tap++;
            }

            // Partial coverage below 1e-3 of a pixel is rounding noise of d * scale (OpenCV ignores it too).
            if (first - begin > 1e-3)
            {
                Add(first - 1, first - begin);
            }

            for (var s = first; s < last; s++)
            {
                Add(s, 1);
            }

            if (end - last > 1e-3 && last < sourceLength)
            {
                Add(last, Math.Min(Math.Min(end - last, 1), cellWidth));
            }

            for (; tap < taps; tap++)
            {
                indices[d * taps + tap] = indices[d * taps];
            }
        }

        return new ResizeWeights(taps, indices, weights);
    }
}
