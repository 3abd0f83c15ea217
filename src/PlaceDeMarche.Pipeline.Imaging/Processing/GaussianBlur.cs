using System.Numerics.Tensors;

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
    /// Convolves <paramref name="source"/> (width × height) with <paramref name="kernel"/> (odd length, centred) along
    /// both axes into <paramref name="target"/>, using <paramref name="scratch"/> so repeated calls allocate nothing.
    /// <paramref name="target"/> may be <paramref name="source"/>.
    /// </summary>
    public static void Apply(ReadOnlySpan<float> source, Span<float> target, int width, int height, ReadOnlySpan<float> kernel, Span<float> scratch)
    {
        var radius = kernel.Length / 2;
        if (kernel.Length % 2 == 0 || scratch.Length < ScratchLength(width, height, radius) || source.Length < width * height || target.Length < width * height)
        {
            throw new ArgumentException("Kernel must have odd length and buffers must hold the image (see ScratchLength).");
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

            var outRow = horizontal.Slice(y * width, width);
            TensorPrimitives.Multiply(padded.Slice(0, width), kernel[0], outRow);
            for (var k = 1; k < kernel.Length; k++)
            {
                TensorPrimitives.MultiplyAdd(padded.Slice(k, width), kernel[k], outRow, outRow);
            }
        }

        for (var y = 0; y < height; y++)
        {
            var outRow = target.Slice(y * width, width);
            TensorPrimitives.Multiply(horizontal.Slice(BorderIndex.Reflect101(y - radius, height) * width, width), kernel[0], outRow);
            for (var k = 1; k < kernel.Length; k++)
            {
                var sourceRow = BorderIndex.Reflect101(y - radius + k, height);
                TensorPrimitives.MultiplyAdd(horizontal.Slice(sourceRow * width, width), kernel[k], outRow, outRow);
            }
        }
    }
}
