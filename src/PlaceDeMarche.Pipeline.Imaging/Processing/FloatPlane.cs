namespace PlaceDeMarche.Pipeline.Imaging.Processing;

/// <summary>A single-channel float image, rows top to bottom with no padding (the working type of filters and SIFT).</summary>
public sealed class FloatPlane
{
    /// <summary>A zero-filled plane.</summary>
    public FloatPlane(int width, int height)
        : this(width, height, new float[checked(width * height)])
    {
    }

    /// <summary>Wraps <paramref name="data"/> (length must be width × height).</summary>
    public FloatPlane(int width, int height, float[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(data);
        if (data.LongLength != (long)width * height)
        {
            throw new ArgumentException($"Expected {(long)width * height} floats for a {width}x{height} plane, got {data.LongLength}.", nameof(data));
        }

        Width = width;
        Height = height;
        Data = data;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Samples, <c>Width</c> per row.</summary>
    public float[] Data { get; }

    /// <summary>The samples of row <paramref name="y"/>.</summary>
    public Span<float> Row(int y) => Data.AsSpan(y * Width, Width);

    /// <summary>The gray levels of <paramref name="image"/> as floats multiplied by <paramref name="scale"/>.</summary>
    public static FloatPlane FromGray(GrayImage image, float scale = 1f)
    {
        ArgumentNullException.ThrowIfNull(image);
        var plane = new FloatPlane(image.Width, image.Height);
        var source = image.Pixels;
        var target = plane.Data;
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = source[i] * scale;
        }

        return plane;
    }

    /// <summary>Rounds each sample to the nearest integer and saturates to [0, 255].</summary>
    public GrayImage ToGray()
    {
        var pixels = new byte[Data.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = SaturateToByte(Data[i]);
        }

        return new GrayImage(Width, Height, pixels);
    }

    /// <summary>Round half to even then clamp, as OpenCV's saturate_cast&lt;uchar&gt;(float) (cvRound is lrint).</summary>
    internal static byte SaturateToByte(float value) => (byte)Math.Clamp((int)MathF.Round(value, MidpointRounding.ToEven), 0, 255);
}
