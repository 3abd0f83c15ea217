using System.Numerics.Tensors;

namespace PlaceDeMarche.Pipeline.Imaging.Processing;

/// <summary>Separable resizing of planes and images (see <see cref="ResizeMethod"/> for the interpolations).</summary>
public static class ImageResizer
{
    /// <summary>Resizes <paramref name="source"/> to <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static FloatPlane Resize(FloatPlane source, int width, int height, ResizeMethod method)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var target = new FloatPlane(width, height);
        var horizontal = ResizeWeights.Create(source.Width, width, method);
        var vertical = ResizeWeights.Create(source.Height, height, method);
        ResizeInto(source.Data, source.Width, source.Height, 1, target.Data, width, height, horizontal, vertical);
        return target;
    }

    /// <summary>Resizes a gray image; results are rounded half to even and saturated.</summary>
    public static GrayImage Resize(GrayImage source, int width, int height, ResizeMethod method)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new GrayImage(width, height, ResizeBytes(source.Pixels, source.Width, source.Height, 1, width, height, method));
    }

    /// <summary>Resizes an RGB image channel by channel; results are rounded half to even and saturated.</summary>
    public static RgbImage Resize(RgbImage source, int width, int height, ResizeMethod method)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new RgbImage(width, height, ResizeBytes(source.Pixels, source.Width, source.Height, 3, width, height, method));
    }

    /// <summary>The size that fits in a <paramref name="maxSide"/> square keeping the aspect ratio (never enlarges).</summary>
    public static (int Width, int Height) FitWithin(int width, int height, int maxSide)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSide);
        var longest = Math.Max(width, height);
        if (longest <= maxSide)
        {
            return (width, height);
        }

        var scale = (double)maxSide / longest;
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    private static byte[] ResizeBytes(byte[] source, int sourceWidth, int sourceHeight, int channels, int width, int height, ResizeMethod method)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var sourceFloats = new float[source.Length];
        for (var i = 0; i < source.Length; i++)
        {
            sourceFloats[i] = source[i];
        }

        var targetFloats = new float[checked(width * height * channels)];
        var horizontal = ResizeWeights.Create(sourceWidth, width, method);
        var vertical = ResizeWeights.Create(sourceHeight, height, method);
        ResizeInto(sourceFloats, sourceWidth, sourceHeight, channels, targetFloats, width, height, horizontal, vertical);
        var target = new byte[targetFloats.Length];
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = FloatPlane.SaturateToByte(targetFloats[i]);
        }

        return target;
    }

    /// <summary>Horizontal pass into an intermediate (source rows × target width), then a vectorised vertical pass.</summary>
    private static void ResizeInto(
        float[] source, int sourceWidth, int sourceHeight, int channels, float[] target, int width, int height,
        ResizeWeights horizontal, ResizeWeights vertical)
    {
        var rowLength = width * channels;
        var intermediate = new float[sourceHeight * rowLength];
        var hTaps = horizontal.Taps;
        for (var y = 0; y < sourceHeight; y++)
        {
            var sourceRow = source.AsSpan(y * sourceWidth * channels, sourceWidth * channels);
            var outRow = intermediate.AsSpan(y * rowLength, rowLength);
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < channels; c++)
                {
                    var sum = 0f;
                    for (var k = 0; k < hTaps; k++)
                    {
                        sum += horizontal.Weights[x * hTaps + k] * sourceRow[horizontal.Indices[x * hTaps + k] * channels + c];
                    }

                    outRow[x * channels + c] = sum;
                }
            }
        }

        var vTaps = vertical.Taps;
        for (var y = 0; y < height; y++)
        {
            var outRow = target.AsSpan(y * rowLength, rowLength);
            outRow.Clear();
            for (var k = 0; k < vTaps; k++)
            {
                var weight = vertical.Weights[y * vTaps + k];
                if (weight != 0)
                {
                    var row = intermediate.AsSpan(vertical.Indices[y * vTaps + k] * rowLength, rowLength);
                    TensorPrimitives.MultiplyAdd(row, weight, outRow, outRow);
                }
            }
        }
    }
}
