using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PlaceDeMarche.Pipeline.Imaging.Processing;

/// <summary>Separable Gaussian blur with a kernel of radius ceil(3σ) and reflect-101 borders (OpenCV's default border).</summary>
public static class GaussianBlur
{
    /// <summary>Kernel radius used for <paramref name="sigma"/>: ceil(3σ), at least 1.</summary>
    public static int RadiusFor(double sigma) => Math.Max(1, (int)Math.Ceiling(3 * sigma));

    /// <summary>Normalised kernel of 2·radius + 1 taps, computed in double then rounded to float.</summary>
    public static float[] Kernel(double sigma, int radius)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigma);
        var weights = new double[2 * radius + 1];
        var sum = 0.0;
        for (var i = -radius; i <= radius; i++)
        {
            weights[i + radius] = Math.Exp(-(i * (double)i) / (2 * sigma * sigma));
            sum += weights[i + radius];
        }

        return weights.Select(w => (float)(w / sum)).ToArray();
    }

    /// <summary>A blurred copy of <paramref name="source"/>.</summary>
    public static FloatPlane Apply(FloatPlane source, double sigma)
    {
        ArgumentNullException.ThrowIfNull(source);
        var target = new FloatPlane(source.Width, source.Height);
        var kernel = Kernel(sigma, RadiusFor(sigma));
        var scratch = new float[ScratchLength(source.Width, source.Height, kernel.Length / 2)];
        Apply(source.Data, target.Data, source.Width, source.Height, kernel, scratch);
        return target;
    }

    /// <summary>A blurred copy of a gray image (computed in float, rounded half to even).</summary>
    public static GrayImage Apply(GrayImage source, double sigma) => Apply(FloatPlane.FromGray(source), sigma).ToGray();

    /// <summary>Floats of scratch space <see cref="Apply(ReadOnlySpan{float}, Span{float}, int, int, ReadOnlySpan{float}, Span{float})"/> needs.</summary>
    public static int ScratchLength(int width, int height, int radius) => width * height + width + 2 * radius;

    /// <summary>
    /// Convolves <paramref name="source"/> (width × height) with <paramref name="kernel"/> (odd length, centred,
    /// symmetric, as <see cref="Kernel"/> makes) along both axes into <paramref name="target"/>, using
    /// <paramref name="scratch"/> so repeated calls allocate nothing. <paramref name="target"/> may be <paramref name="source"/>.
    /// </summary>
    public static void Apply(ReadOnlySpan<float> source, Span<float> target, int width, int height, ReadOnlySpan<float> kernel, Span<float> scratch)
    {
        var radius = kernel.Length / 2;
        if (kernel.Length % 2 == 0 || scratch.Length < ScratchLength(width, height, radius) || source.Length < width * height || target.Length < width * height)
        {
            throw new ArgumentException("Kernel must have odd length and buffers must hold the image (see ScratchLength).");
        }

        for (var k = 0; k < radius; k++)
        {
            if (kernel[k] != kernel[kernel.Length - 1 - k])
            {
                throw new ArgumentException($"Kernel must be symmetric (tap {k} is {kernel[k]}, tap {kernel.Length - 1 - k} is {kernel[kernel.Length - 1 - k]}).", nameof(kernel));
            }
        }

        var horizontal = scratch[..(width * height)];
        var padded = scratch.Slice(width * height, width + 2 * radius);
        for (var y = 0; y < height; y++)
        {
            var row = source.Slice(y * width, width);
            row.CopyTo(padded.Slice(radius, width));
            for (var i = 1; i <= radius; i++)
            {
                padded[radius - i] = row[BorderIndex.Reflect101(-i, width)];
                padded[radius + width - 1 + i] = row[BorderIndex.Reflect101(width - 1 + i, width)];
            }

            ConvolveRow(padded, kernel, horizontal.Slice(y * width, width));
        }

        // Offsets of the rows under each tap, reflected at the top and bottom edges; RowsAtOnce output rows share them.
        var window = kernel.Length + RowsAtOnce - 1;
        Span<int> rowOffsets = window <= 256 ? stackalloc int[window] : new int[window];
        Span<float> paddedKernel = window <= 256 ? stackalloc float[window + RowsAtOnce - 1] : new float[window + RowsAtOnce - 1];
        paddedKernel.Clear();
        kernel.CopyTo(paddedKernel[(RowsAtOnce - 1)..]);
        for (var y = 0; y < height; y += RowsAtOnce)
        {
            for (var t = 0; t < window; t++)
            {
                rowOffsets[t] = BorderIndex.Reflect101(y - radius + t, height) * width;
            }

            var count = Math.Min(RowsAtOnce, height - y);
            ConvolveColumns(horizontal, rowOffsets, paddedKernel, target.Slice(y * width, count * width), width, count);
        }
    }

    private const int RowsAtOnce = 4;

    // Up to four output rows per pass: each input row under the window is loaded once and added, with its own weight,
    // into the four rows' sums (the vertical pass is bound by loads, not arithmetic); only the first `count` are
    // stored. paddedKernel holds the kernel with RowsAtOnce - 1 zeros before and after, so the weight of input t in
    // output m is paddedKernel[t - m + 3]: the zero weights add exact zeros.
    private static void ConvolveColumns(ReadOnlySpan<float> rows, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<float> paddedKernel, Span<float> output, int width, int count)
    {
        ref var input = ref MemoryMarshal.GetReference(rows);
        ref var weights = ref MemoryMarshal.GetReference(paddedKernel);
        var x = 0;
        for (; x + Vector256<float>.Count <= width; x += Vector256<float>.Count)
        {
            Vector256<float> sum0 = default, sum1 = default, sum2 = default, sum3 = default;
            for (var t = 0; t < rowOffsets.Length; t++)
            {
                var value = Vector256.LoadUnsafe(ref input, (nuint)(rowOffsets[t] + x));
                sum0 += Vector256.Create(Unsafe.Add(ref weights, t + 3)) * value;
                sum1 += Vector256.Create(Unsafe.Add(ref weights, t + 2)) * value;
                sum2 += Vector256.Create(Unsafe.Add(ref weights, t + 1)) * value;
                sum3 += Vector256.Create(Unsafe.Add(ref weights, t)) * value;
            }

            sum0.CopyTo(output.Slice(x, Vector256<float>.Count));
            if (count > 1)
            {
                sum1.CopyTo(output.Slice(width + x, Vector256<float>.Count));
            }

            if (count > 2)
            {
                sum2.CopyTo(output.Slice((2 * width) + x, Vector256<float>.Count));
            }

            if (count > 3)
            {
                sum3.CopyTo(output.Slice((3 * width) + x, Vector256<float>.Count));
            }
        }

        for (; x < width; x++)
        {
            float sum0 = 0, sum1 = 0, sum2 = 0, sum3 = 0;
            for (var t = 0; t < rowOffsets.Length; t++)
            {
                var value = rows[rowOffsets[t] + x];
                sum0 += paddedKernel[t + 3] * value;
                sum1 += paddedKernel[t + 2] * value;
                sum2 += paddedKernel[t + 1] * value;
                sum3 += paddedKernel[t] * value;
            }

            output[x] = sum0;
            if (count > 1)
            {
                output[width + x] = sum1;
            }

            if (count > 2)
            {
                output[(2 * width) + x] = sum2;
            }

            if (count > 3)
            {
                output[(3 * width) + x] = sum3;
            }
        }
    }

    // Each output is centre × w[r] plus, for k < r, (the two samples k taps before and after) × w[k]: the kernel is
    // symmetric, so half the multiplications. Eight outputs per vector, accumulated in a register (no FMA, so the
    // same result on every machine).
    private static void ConvolveRow(ReadOnlySpan<float> padded, ReadOnlySpan<float> kernel, Span<float> output)
    {
        var radius = kernel.Length / 2;
        ref var input = ref MemoryMarshal.GetReference(padded);
        var x = 0;
        for (; x + Vector256<float>.Count <= output.Length; x += Vector256<float>.Count)
        {
            var sum = Vector256.Create(kernel[radius]) * Vector256.LoadUnsafe(ref input, (nuint)(x + radius));
            for (var k = 0; k < radius; k++)
            {
                sum += Vector256.Create(kernel[k]) * (Vector256.LoadUnsafe(ref input, (nuint)(x + k)) + Vector256.LoadUnsafe(ref input, (nuint)(x + 2 * radius - k)));
            }

            sum.StoreUnsafe(ref MemoryMarshal.GetReference(output), (nuint)x);
        }

        for (; x < output.Length; x++)
        {
            var sum = kernel[radius] * padded[x + radius];
            for (var k = 0; k < radius; k++)
            {
                sum += kernel[k] * (padded[x + k] + padded[x + 2 * radius - k]);
            }

            output[x] = sum;
        }
    }
}
