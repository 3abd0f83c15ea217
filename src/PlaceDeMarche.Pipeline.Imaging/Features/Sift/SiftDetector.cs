using System.Numerics;
using System.Runtime.Intrinsics;

namespace PlaceDeMarche.Pipeline.Imaging.Features.Sift;

/// <summary>Scale-space extrema of the DoG pyramid, refined by a quadratic fit and filtered on contrast and edges.</summary>
internal static class SiftDetector
{
    /// <summary>Extrema closer than this to the border are skipped (the descriptor window needs room).</summary>
    private const int Border = 5;

    private const int MaxRefinementSteps = 5;

    /// <summary>Appends the refined extrema (angle not yet assigned) of every octave to <paramref name="candidates"/>.</summary>
    public static void Detect(SiftPyramid pyramid, SiftOptions options, List<SiftCandidate> candidates)
    {
        var s = options.ScalesPerOctave;
        // Half the final threshold as a cheap pre-filter (Lowe 2004, section 4).
        var threshold = (float)(0.5 * options.ContrastThreshold / s);
        for (var o = 0; o < pyramid.Octaves; o++)
        {
            var width = pyramid.Widths[o];
            var height = pyramid.Heights[o];
            for (var layer = 1; layer <= s; layer++)
            {
                var previous = pyramid.Difference(o, layer - 1);
                var current = pyramid.Difference(o, layer);
                var next = pyramid.Difference(o, layer + 1);
                for (var r = Border; r < height - Border; r++)
                {
                    // Most samples are below the threshold: eight are tested at once and only the others examined.
                    var c = Border;
                    for (; c + Vector256<float>.Count <= width - Border; c += Vector256<float>.Count)
                    {
                        var values = Vector256.Abs(Vector256.Create(current, r * width + c));
                        for (var above = Vector256.GreaterThan(values, Vector256.Create(threshold)).ExtractMostSignificantBits(); above != 0; above &= above - 1)
                        {
                            TryAdd(pyramid, options, o, layer, r, c + BitOperations.TrailingZeroCount(above), previous, current, next, candidates);
                        }
                    }

                    for (; c < width - Border; c++)
                    {
                        if (MathF.Abs(current[r * width + c]) > threshold)
                        {
                            TryAdd(pyramid, options, o, layer, r, c, previous, current, next, candidates);
                        }
                    }
                }
            }
        }
    }

    private static void TryAdd(SiftPyramid pyramid, SiftOptions options, int octave, int layer, int r, int c, float[] previous, float[] current, float[] next, List<SiftCandidate> candidates)
    {
        var width = pyramid.Widths[octave];
        var index = r * width + c;
        if (IsExtremum(previous, current, next, index, width, current[index]) && TryRefine(pyramid, options, octave, layer, r, c, out var candidate))
        {
            candidates.Add(candidate);
        }
    }

    private static bool IsExtremum(float[] previous, float[] current, float[] next, int index, int width, float value)
    {
        if (value > 0)
        {
            for (var dy = -width; dy <= width; dy += width)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    var i = index + dy + dx;
                    if (value < current[i] || value < previous[i] || value < next[i])
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        for (var dy = -width; dy <= width; dy += width)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var i = index + dy + dx;
                if (value > current[i] || value > previous[i] || value > next[i])
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Newton steps on the 3-D quadratic fit (moving to the neighbour pixel while the offset exceeds 0.5).</summary>
    private static bool TryRefine(SiftPyramid pyramid, SiftOptions options, int octave, int layer, int r, int c, out SiftCandidate candidate)
    {
        candidate = default;
        var s = options.ScalesPerOctave;
        var width = pyramid.Widths[octave];
        var height = pyramid.Heights[octave];
        double xc = 0, xr = 0, xs = 0;
        Span<double> gradient = stackalloc double[3];
        Span<double> hessian = stackalloc double[9];
        var step = 0;
        for (; step < MaxRefinementSteps; step++)
        {
            Derivatives(pyramid, octave, layer, r, c, width, gradient, hessian);
            if (!Solve(hessian, gradient, out xc, out xr, out xs))
            {
                return false;
            }

            if (Math.Abs(xc) < 0.5 && Math.Abs(xr) < 0.5 && Math.Abs(xs) < 0.5)
            {
                break;
            }

            if (Math.Abs(xc) > 1e6 || Math.Abs(xr) > 1e6 || Math.Abs(xs) > 1e6)
            {
                return false;
            }

            c += (int)Math.Round(xc);
            r += (int)Math.Round(xr);
            layer += (int)Math.Round(xs);
            if (layer < 1 || layer > s || c < Border || c >= width - Border || r < Border || r >= height - Border)
            {
                return false;
            }
        }

        if (step >= MaxRefinementSteps)
        {
            return false;
        }

        Derivatives(pyramid, octave, layer, r, c, width, gradient, hessian);
        var current = pyramid.Difference(octave, layer);
        var contrast = current[r * width + c] + 0.5 * (gradient[0] * xc + gradient[1] * xr + gradient[2] * xs);
        if (Math.Abs(contrast) * s < options.ContrastThreshold)
        {
            return false;
        }

        // Edge response: ratio of principal curvatures of the 2-D Hessian via trace² / determinant.
        var dxx = hessian[0];
        var dyy = hessian[4];
        var dxy = hessian[1];
        var trace = dxx + dyy;
        var determinant = dxx * dyy - dxy * dxy;
        var edge = options.EdgeThreshold;
        if (determinant <= 0 || trace * trace * edge >= (edge + 1) * (edge + 1) * determinant)
        {
            return false;
        }

        var sigma = options.Sigma * Math.Pow(2, (layer + xs) / s);
        candidate = new SiftCandidate(octave, layer, c, r, (float)(c + xc), (float)(r + xr), (float)sigma, (float)Math.Abs(contrast), 0);
        return true;
    }

    /// <summary>Central differences: gradient (x, y, scale) and the symmetric 3×3 Hessian, row-major.</summary>
    private static void Derivatives(SiftPyramid pyramid, int octave, int layer, int r, int c, int width, Span<double> gradient, Span<double> hessian)
    {
        var image = pyramid.Difference(octave, layer);
        var previous = pyramid.Difference(octave, layer - 1);
        var next = pyramid.Difference(octave, layer + 1);
        var i = r * width + c;
        double center = image[i];
        gradient[0] = (image[i + 1] - image[i - 1]) * 0.5;
        gradient[1] = (image[i + width] - image[i - width]) * 0.5;
        gradient[2] = (next[i] - previous[i]) * 0.5;
        var dxx = image[i + 1] + image[i - 1] - 2 * center;
        var dyy = image[i + width] + image[i - width] - 2 * center;
        var dss = next[i] + previous[i] - 2 * center;
        var dxy = (image[i + width + 1] - image[i + width - 1] - image[i - width + 1] + image[i - width - 1]) * 0.25;
        var dxs = (next[i + 1] - next[i - 1] - previous[i + 1] + previous[i - 1]) * 0.25;
        var dys = (next[i + width] - next[i - width] - previous[i + width] + previous[i - width]) * 0.25;
        hessian[0] = dxx;
        hessian[1] = dxy;
        hessian[2] = dxs;
        hessian[3] = dxy;
        hessian[4] = dyy;
        hessian[5] = dys;
        hessian[6] = dxs;
        hessian[7] = dys;
        hessian[8] = dss;
    }

    /// <summary>Offset = -H⁻¹ g by Cramer's rule; false when H is singular.</summary>
    private static bool Solve(ReadOnlySpan<double> h, ReadOnlySpan<double> g, out double x, out double y, out double s)
    {
        var determinant = h[0] * (h[4] * h[8] - h[5] * h[7]) - h[1] * (h[3] * h[8] - h[5] * h[6]) + h[2] * (h[3] * h[7] - h[4] * h[6]);
        if (determinant == 0 || !double.IsFinite(determinant))
        {
            x = y = s = 0;
            return false;
        }

        var dx = g[0] * (h[4] * h[8] - h[5] * h[7]) - h[1] * (g[1] * h[8] - h[5] * g[2]) + h[2] * (g[1] * h[7] - h[4] * g[2]);
        var dy = h[0] * (g[1] * h[8] - h[5] * g[2]) - g[0] * (h[3] * h[8] - h[5] * h[6]) + h[2] * (h[3] * g[2] - g[1] * h[6]);
        var ds = h[0] * (h[4] * g[2] - g[1] * h[7]) - h[1] * (h[3] * g[2] - g[1] * h[6]) + g[0] * (h[3] * h[7] - h[4] * h[6]);
        x = -dx / determinant;
        y = -dy / determinant;
        s = -ds / determinant;
        return true;
    }
}
