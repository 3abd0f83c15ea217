using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace PlaceDeMarche.Pipeline.Imaging.Features.Sift;

/// <summary>
/// Lowe's descriptor: gradients in a window rotated to the keypoint angle, Gaussian-weighted, trilinearly spread over
/// 4 × 4 cells × 8 orientations (cells of 3σ), then normalised, clipped at 0.2 and renormalised. Samples are gathered
/// first so the exponentials and magnitudes run vectorised; buffers are kept between keypoints.
/// </summary>
internal sealed class SiftDescriptor
{
    private const int Cells = 4;
    private const int Orientations = 8;
    private const float CellWidthInSigmas = 3;
    private const float ClipValue = 0.2f;
    private const int RowStride = (Cells + 2) * (Orientations + 2);
    private const int ColumnStride = Orientations + 2;

    private readonly float[] _histogram = new float[(Cells + 2) * RowStride];
    private float[] _rowBins = [];
    private float[] _columnBins = [];
    private float[] _dx = [];
    private float[] _dy = [];
    private float[] _weights = [];
    private float[] _magnitudes = [];
    private float[] _directions = [];

    public void Compute(SiftCandidate candidate, float[] image, int width, int height, Span<float> descriptor)
    {
        var angle = 360f - candidate.Angle;
        if (MathF.Abs(angle - 360f) < 1e-4f)
        {
            angle = 0;
        }

        var cellWidth = CellWidthInSigmas * candidate.OctaveSigma;
        var radius = (int)MathF.Round(cellWidth * MathF.Sqrt(2) * (Cells + 1) * 0.5f);
        radius = Math.Min(radius, (int)MathF.Sqrt((float)width * width + (float)height * height));
        var cos = MathF.Cos(angle * (MathF.PI / 180)) / cellWidth;
        var sin = MathF.Sin(angle * (MathF.PI / 180)) / cellWidth;
        EnsureCapacity((2 * radius + 1) * (2 * radius + 1));
        var weightScale = -1f / (Cells * Cells * 0.5f);
        var count = 0;
        for (var i = -radius; i <= radius; i++)
        {
            var r = candidate.Row + i;
            if (r <= 0 || r >= height - 1)
            {
                continue;
            }

            // Only columns whose rotated position can fall inside the 4 × 4 grid; the exact test below still decides.
            var (first, last) = ColumnRange(i, cos, sin, radius);
            for (var j = first; j <= last; j++)
            {
                var c = candidate.Column + j;
                // Sample position in the rotated frame, in cell units.
                var cRot = j * cos - i * sin;
                var rRot = j * sin + i * cos;
                var rowBin = rRot + Cells / 2 - 0.5f;
                var columnBin = cRot + Cells / 2 - 0.5f;
                if (rowBin <= -1 || rowBin >= Cells || columnBin <= -1 || columnBin >= Cells || c <= 0 || c >= width - 1)
                {
                    continue;
                }

                var index = r * width + c;
                _rowBins[count] = rowBin;
                _columnBins[count] = columnBin;
                _dx[count] = image[index + 1] - image[index - 1];
                // Row differences taken upwards: angles counter-clockwise with y up, as the orientation histogram.
                _dy[count] = image[index - width] - image[index + width];
                _weights[count] = (cRot * cRot + rRot * rRot) * weightScale;
                count++;
            }
        }

        var weights = _weights.AsSpan(0, count);
        TensorPrimitives.Exp(weights, weights);
        var magnitudes = _magnitudes.AsSpan(0, count);
        WeightedMagnitudes(_dx.AsSpan(0, count), _dy.AsSpan(0, count), weights, magnitudes);
        var directions = _directions.AsSpan(0, count);
        FastAngle.Degrees(_dy.AsSpan(0, count), _dx.AsSpan(0, count), directions);
        var histogram = _histogram.AsSpan();
        histogram.Clear();
        var binsPerDegree = Orientations / 360f;
        for (var k = 0; k < count; k++)
        {
            var relative = directions[k] - angle;
            var orientationBin = (relative < 0 ? relative + 360f : relative) * binsPerDegree;
            Spread(histogram, _rowBins[k], _columnBins[k], orientationBin, magnitudes[k]);
        }

        Finish(histogram, descriptor);
    }

    /// <summary>sqrt(dx² + dy²) × weight, eight at a time (plain multiply and add, as the scalar form).</summary>
    private static void WeightedMagnitudes(ReadOnlySpan<float> dx, ReadOnlySpan<float> dy, ReadOnlySpan<float> weights, Span<float> magnitudes)
    {
        var k = 0;
        for (; k + Vector256<float>.Count <= dx.Length; k += Vector256<float>.Count)
        {
            var x = Vector256.Create(dx.Slice(k, Vector256<float>.Count));
            var y = Vector256.Create(dy.Slice(k, Vector256<float>.Count));
            (Vector256.Sqrt((x * x) + (y * y)) * Vector256.Create(weights.Slice(k, Vector256<float>.Count))).CopyTo(magnitudes.Slice(k, Vector256<float>.Count));
        }

        for (; k < dx.Length; k++)
        {
            magnitudes[k] = MathF.Sqrt((dx[k] * dx[k]) + (dy[k] * dy[k])) * weights[k];
        }
    }

    /// <summary>
    /// Column offsets j of row offset i for which both rotated coordinates can lie in (-1, Cells) after the shift by
    /// Cells / 2 - 0.5, i.e. |j·sin + i·cos| and |j·cos - i·sin| below Cells / 2 + 0.5, widened by one for rounding.
    /// </summary>
    private static (int First, int Last) ColumnRange(int i, float cos, float sin, int radius)
    {
        const float HalfExtent = Cells / 2 + 0.5f;
        double low = -radius, high = radius;
        Restrict(sin, -HalfExtent - i * cos, HalfExtent - i * cos, ref low, ref high);
        Restrict(cos, -HalfExtent + i * sin, HalfExtent + i * sin, ref low, ref high);
        return ((int)Math.Max(-radius, Math.Floor(low) - 1), (int)Math.Min(radius, Math.Ceiling(high) + 1));
    }

    /// <summary>Intersects [low, high] with { j : lower &lt; slope·j &lt; upper }.</summary>
    private static void Restrict(float slope, float lower, float upper, ref double low, ref double high)
    {
        if (MathF.Abs(slope) < 1e-9f)
        {
            if (lower >= 0 || upper <= 0)
            {
                high = low - 1;
            }

            return;
        }

        var a = lower / (double)slope;
        var b = upper / (double)slope;
        low = Math.Max(low, Math.Min(a, b));
        high = Math.Min(high, Math.Max(a, b));
    }

    private void EnsureCapacity(int samples)
    {
        if (_rowBins.Length >= samples)
        {
            return;
        }

        _rowBins = new float[samples];
        _columnBins = new float[samples];
        _dx = new float[samples];
        _dy = new float[samples];
        _weights = new float[samples];
        _magnitudes = new float[samples];
        _directions = new float[samples];
    }

    /// <summary>Trilinear distribution of one sample over the 8 neighbouring (row, column, orientation) bins.</summary>
    private static void Spread(Span<float> histogram, float rowBin, float columnBin, float orientationBin, float magnitude)
    {
        // Bins are > -1 and orientations in [0, Orientations), so truncation after a shift is a floor.
        var r0 = (int)(rowBin + 1) - 1;
        var c0 = (int)(columnBin + 1) - 1;
        var o0 = (int)orientationBin;
        var fr = rowBin - r0;
        var fc = columnBin - c0;
        var fo = orientationBin - o0;
        o0 = o0 >= Orientations ? o0 - Orientations : o0;
        var baseIndex = (r0 + 1) * RowStride + (c0 + 1) * ColumnStride + o0;
        var v1 = magnitude * fr;
        var v0 = magnitude - v1;
        var v11 = v1 * fc;
        var v10 = v1 - v11;
        var v01 = v0 * fc;
        var v00 = v0 - v01;
        histogram[baseIndex] += v00 * (1 - fo);
        histogram[baseIndex + 1] += v00 * fo;
        histogram[baseIndex + ColumnStride] += v01 * (1 - fo);
        histogram[baseIndex + ColumnStride + 1] += v01 * fo;
        histogram[baseIndex + RowStride] += v10 * (1 - fo);
        histogram[baseIndex + RowStride + 1] += v10 * fo;
        histogram[baseIndex + RowStride + ColumnStride] += v11 * (1 - fo);
        histogram[baseIndex + RowStride + ColumnStride + 1] += v11 * fo;
    }

    /// <summary>Folds the orientation padding (wrap-around), then normalise, clip, renormalise.</summary>
    private static void Finish(Span<float> histogram, Span<float> descriptor)
    {
        for (var r = 0; r < Cells; r++)
        {
            for (var c = 0; c < Cells; c++)
            {
                var index = (r + 1) * RowStride + (c + 1) * ColumnStride;
                histogram[index] += histogram[index + Orientations];
                histogram.Slice(index, Orientations).CopyTo(descriptor.Slice((r * Cells + c) * Orientations, Orientations));
            }
        }

        var norm = TensorPrimitives.Norm(descriptor);
        TensorPrimitives.Min(descriptor, norm * ClipValue, descriptor);
        norm = TensorPrimitives.Norm(descriptor);
        TensorPrimitives.Multiply(descriptor, 1f / MathF.Max(norm, float.Epsilon), descriptor);
    }
}
