namespace PlaceDeMarche.Pipeline.Imaging.Features.Sift;

/// <summary>Dominant gradient orientations around a keypoint (36-bin histogram, Gaussian window 1.5σ, radius 4.5σ).</summary>
internal static class SiftOrientation
{
    public const int Bins = 36;
    private const float PeakRatio = 0.8f;

    /// <summary>Appends a copy of <paramref name="candidate"/> for every histogram peak above 0.8 × the highest.</summary>
    public static void Assign(SiftCandidate candidate, float[] image, int width, int height, Span<float> raw, Span<float> smooth, List<SiftCandidate> output)
    {
        var sigma = 1.5f * candidate.OctaveSigma;
        var radius = (int)MathF.Round(3 * sigma);
        var weightScale = -1f / (2 * sigma * sigma);
        // The Gaussian window is separable: exp((i² + j²)·s) = exp(i²·s)·exp(j²·s), so 2r + 1 exponentials, not (2r + 1)².
        Span<float> window = radius < 128 ? stackalloc float[2 * radius + 1] : new float[2 * radius + 1];
        for (var k = -radius; k <= radius; k++)
        {
            window[k + radius] = MathF.Exp(k * k * weightScale);
        }

        raw.Clear();
        for (var i = -radius; i <= radius; i++)
        {
            var y = candidate.Row + i;
            if (y <= 0 || y >= height - 1)
            {
                continue;
            }

            var rowWeight = window[i + radius];

            for (var j = -radius; j <= radius; j++)
            {
                var x = candidate.Column + j;
                if (x <= 0 || x >= width - 1)
                {
                    continue;
                }

                var index = y * width + x;
                var dx = image[index + 1] - image[index - 1];
                // Row differences taken upwards so angles are counter-clockwise with y up (OpenCV's convention).
                var dy = image[index - width] - image[index + width];
                var angle = FastAngle.Degrees(dy, dx);
                var bin = (int)MathF.Round(angle * (Bins / 360f));
                bin = bin >= Bins ? bin - Bins : bin < 0 ? bin + Bins : bin;
                raw[bin] += rowWeight * window[j + radius] * MathF.Sqrt(dx * dx + dy * dy);
            }
        }

        var max = 0f;
        for (var b = 0; b < Bins; b++)
        {
            smooth[b] = (raw[(b + Bins - 2) % Bins] + raw[(b + 2) % Bins]) * (1f / 16)
                + (raw[(b + Bins - 1) % Bins] + raw[(b + 1) % Bins]) * (4f / 16)
                + raw[b] * (6f / 16);
            max = MathF.Max(max, smooth[b]);
        }

        var threshold = max * PeakRatio;
        for (var b = 0; b < Bins; b++)
        {
            var left = smooth[(b + Bins - 1) % Bins];
            var right = smooth[(b + 1) % Bins];
            if (smooth[b] > left && smooth[b] > right && smooth[b] >= threshold)
            {
                // Parabola through the peak and its neighbours.
                var bin = b + 0.5f * (left - right) / (left - 2 * smooth[b] + right);
                bin = bin < 0 ? bin + Bins : bin >= Bins ? bin - Bins : bin;
                var angle = 360f - bin * (360f / Bins);
                if (MathF.Abs(angle - 360f) < 1e-4f)
                {
                    angle = 0;
                }

                output.Add(candidate with { Angle = angle });
            }
        }
    }
}
