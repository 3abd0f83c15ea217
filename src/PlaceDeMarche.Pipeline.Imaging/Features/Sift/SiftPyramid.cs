using PlaceDeMarche.Pipeline.Imaging.Processing;

namespace PlaceDeMarche.Pipeline.Imaging.Features.Sift;

/// <summary>
/// Gaussian and difference-of-Gaussian pyramids whose buffers survive between images: an extractor processing many
/// photos of similar size allocates only when an image is larger than any before.
/// </summary>
internal sealed class SiftPyramid
{
    private readonly SiftOptions _options;
    private readonly float[][] _levelKernels;
    private readonly float[] _baseKernel;
    private readonly List<float[]> _gaussians = [];
    private readonly List<float[]> _differences = [];
    private float[] _scratch = [];
    private float[] _input = [];
    private (int Low, int High, float Fraction)[] _columnTaps = [];

    public SiftPyramid(SiftOptions options)
    {
        _options = options;
        var s = options.ScalesPerOctave;
        _levelKernels = new float[s + 3][];
        var k = Math.Pow(2, 1.0 / s);
        for (var level = 1; level < s + 3; level++)
        {
            var previous = Math.Pow(k, level - 1) * options.Sigma;
            var total = previous * k;
            var increment = Math.Sqrt(total * total - previous * previous);
            _levelKernels[level] = GaussianBlur.Kernel(increment, GaussianBlur.RadiusFor(increment));
        }

        var inputBlur = options.UpsampleInput ? 2 * options.InputBlur : options.InputBlur;
        var baseIncrement = Math.Sqrt(Math.Max(options.Sigma * options.Sigma - inputBlur * inputBlur, 0.01));
        _baseKernel = GaussianBlur.Kernel(baseIncrement, GaussianBlur.RadiusFor(baseIncrement));
    }

    public int Octaves { get; private set; }

    public int[] Widths { get; private set; } = [];

    public int[] Heights { get; private set; } = [];

    public float[] Gaussian(int octave, int level) => _gaussians[octave * (_options.ScalesPerOctave + 3) + level];

    public float[] Difference(int octave, int level) => _differences[octave * (_options.ScalesPerOctave + 2) + level];

    /// <summary>Builds both pyramids for <paramref name="image"/> (intensities scaled to [0, 1]).</summary>
    public void Build(GrayImage image)
    {
        var s = _options.ScalesPerOctave;
        var baseWidth = _options.UpsampleInput ? image.Width * 2 : image.Width;
        var baseHeight = _options.UpsampleInput ? image.Height * 2 : image.Height;
        // Lowe/OpenCV: octaves until the smaller side is about 4 pixels (log2(min side) - 2, +1 when upsampled).
        Octaves = Math.Max(1, (int)Math.Round(Math.Log2(Math.Min(baseWidth, baseHeight))) - 2);
        Widths = new int[Octaves];
        Heights = new int[Octaves];
        for (var o = 0; o < Octaves; o++)
        {
            Widths[o] = o == 0 ? baseWidth : Widths[o - 1] / 2;
            Heights[o] = o == 0 ? baseHeight : Heights[o - 1] / 2;
            for (var level = 0; level < s + 3; level++)
            {
                Ensure(_gaussians, o * (s + 3) + level, Widths[o] * Heights[o]);
            }

            for (var level = 0; level < s + 2; level++)
            {
                Ensure(_differences, o * (s + 2) + level, Widths[o] * Heights[o]);
            }
        }

        var largestRadius = Math.Max(_baseKernel.Length, _levelKernels[s + 2].Length) / 2;
        if (_scratch.Length < GaussianBlur.ScratchLength(baseWidth, baseHeight, largestRadius))
        {
            _scratch = new float[GaussianBlur.ScratchLength(baseWidth, baseHeight, largestRadius)];
        }

        BuildBase(image, Gaussian(0, 0));
        for (var o = 0; o < Octaves; o++)
        {
            var width = Widths[o];
            var height = Heights[o];
            var area = width * height;
            if (o > 0)
            {
                Decimate(Gaussian(o - 1, s), Widths[o - 1], Gaussian(o, 0), width, height);
            }

            for (var level = 1; level < s + 3; level++)
            {
                GaussianBlur.Apply(Gaussian(o, level - 1).AsSpan(0, area), Gaussian(o, level).AsSpan(0, area), width, height, _levelKernels[level], _scratch);
            }

            for (var level = 0; level < s + 2; level++)
            {
                System.Numerics.Tensors.TensorPrimitives.Subtract(
                    Gaussian(o, level + 1).AsSpan(0, area), Gaussian(o, level).AsSpan(0, area), Difference(o, level).AsSpan(0, area));
            }
        }
    }

    private void BuildBase(GrayImage image, float[] target)
    {
        const float Scale = 1f / 255;
        var width = image.Width;
        var height = image.Height;
        if (_input.Length < width * height)
        {
            _input = new float[width * height];
        }

        for (var i = 0; i < width * height; i++)
        {
            _input[i] = image.Pixels[i] * Scale;
        }

        var baseWidth = Widths[0];
        var baseHeight = Heights[0];
        if (_options.UpsampleInput)
        {
            // Doubling with pixel centres aligned: output d samples input (d + 0.5) / 2 - 0.5, i.e. weights 1/4, 3/4.
            // The column taps are the same for every row: worked out once.
            if (_columnTaps.Length < baseWidth)
            {
                _columnTaps = new (int, int, float)[baseWidth];
            }

            for (var x = 0; x < baseWidth; x++)
            {
                _columnTaps[x] = Upsample(x, width);
            }

            for (var y = 0; y < baseHeight; y++)
            {
                var (y0, y1, fy) = Upsample(y, height);
                var upper = _input.AsSpan(y0 * width, width);
                var lower = _input.AsSpan(y1 * width, width);
                var output = target.AsSpan(y * baseWidth, baseWidth);
                for (var x = 0; x < output.Length; x++)
                {
                    var (x0, x1, fx) = _columnTaps[x];
                    var top = upper[x0] * (1 - fx) + upper[x1] * fx;
                    var bottom = lower[x0] * (1 - fx) + lower[x1] * fx;
                    output[x] = top * (1 - fy) + bottom * fy;
                }
            }

            GaussianBlur.Apply(target.AsSpan(0, baseWidth * baseHeight), target, baseWidth, baseHeight, _baseKernel, _scratch);
        }
        else
        {
            GaussianBlur.Apply(_input.AsSpan(0, width * height), target, width, height, _baseKernel, _scratch);
        }
    }

    private static (int Low, int High, float Fraction) Upsample(int target, int sourceLength)
    {
        var position = (target + 0.5f) * 0.5f - 0.5f;
        var low = (int)MathF.Floor(position);
        var fraction = position - low;
        if (low < 0)
        {
            return (0, 0, 0);
        }

        return low >= sourceLength - 1 ? (sourceLength - 1, sourceLength - 1, 0) : (low, low + 1, fraction);
    }

    private static void Decimate(float[] source, int sourceWidth, float[] target, int width, int height)
    {
        for (var y = 0; y < height; y++)
        {
            var sourceRow = 2 * y * sourceWidth;
            for (var x = 0; x < width; x++)
            {
                target[y * width + x] = source[sourceRow + 2 * x];
            }
        }
    }

    private static void Ensure(List<float[]> buffers, int index, int length)
    {
        while (buffers.Count <= index)
        {
            buffers.Add([]);
        }

        if (buffers[index].Length < length)
        {
            buffers[index] = new float[length];
        }
    }
}
