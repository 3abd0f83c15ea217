namespace PlaceDeMarche.Pipeline.Imaging;

/// <summary>An 8-bit RGB image, rows top to bottom, pixels interleaved R, G, B with no row padding.</summary>
public sealed class RgbImage
{
    /// <summary>Wraps <paramref name="pixels"/> (length must be width × height × 3).</summary>
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.LongLength != (long)width * height * 3)
        {
            throw new ArgumentException($"Expected {(long)width * height * 3} bytes for {width}x{height} RGB24, got {pixels.LongLength}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>RGB24 samples, <c>Width * 3</c> bytes per row.</summary>
    public byte[] Pixels { get; }

    /// <summary>Damage the decoder recovered from (as libjpeg does: gray blocks where data was lost); empty when none.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The samples of row <paramref name="y"/>.</summary>
    public Span<byte> GetRow(int y)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)y, (uint)Height, nameof(y));
        return Pixels.AsSpan(y * Width * 3, Width * 3);
    }

    /// <summary>Luma image using the JPEG/BT.601 weights (0.299, 0.587, 0.114), rounded.</summary>
    public GrayImage ToGray()
    {
        var gray = new byte[Width * Height];
        var rgb = Pixels;
        for (int i = 0, j = 0; i < gray.Length; i++, j += 3)
        {
            // 16-bit fixed point weights summing to 65536, as libjpeg's rgb_gray_convert.
            gray[i] = (byte)((19595 * rgb[j] + 38470 * rgb[j + 1] + 7471 * rgb[j + 2] + 32768) >> 16);
        }

        return new GrayImage(Width, Height, gray);
    }
}
