namespace PlaceDeMarche.Pipeline.Imaging;

/// <summary>An 8-bit single-channel image, rows top to bottom with no padding.</summary>
public sealed class GrayImage
{
    /// <summary>Wraps <paramref name="pixels"/> (length must be width × height).</summary>
    public GrayImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.LongLength != (long)width * height)
        {
            throw new ArgumentException($"Expected {(long)width * height} bytes for {width}x{height} gray, got {pixels.LongLength}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>One byte per pixel, <c>Width</c> bytes per row.</summary>
    public byte[] Pixels { get; }
}
