using PlaceDeMarche.Pipeline.Imaging.Processing;

namespace PlaceDeMarche.Pipeline.Imaging.Embeddings;

/// <summary>
/// How one photo becomes a model's input tensor: resize so the shorter side is <see cref="ResizeShorter"/> (area
/// average when shrinking, bilinear when enlarging) and centre crop <see cref="CropSize"/> squared, or, when
/// <see cref="Pad"/>, resize the longer side to <see cref="CropSize"/> and centre it on a white square; then per
/// channel <c>(pixel / PixelDivisor - Mean[c]) / Std[c]</c>, written as planar NCHW in <see cref="Order"/>.
/// Mean and standard deviation are given in RGB order whatever the planes' order.
/// </summary>
public sealed record CnnInputRecipe(int ResizeShorter, int CropSize, float PixelDivisor, float[] Mean, float[] Std, ChannelOrder Order, bool Pad = false)
{
    /// <summary>Floats of one image's tensor (3 planes of <see cref="CropSize"/>²).</summary>
    public int TensorLength => 3 * CropSize * CropSize;

    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate(string owner)
    {
        if (CropSize < 8 || ResizeShorter < CropSize || PixelDivisor <= 0 || Mean is not { Length: 3 } || Std is not { Length: 3 } || Std.Any(s => s <= 0))
        {
            throw new ArgumentException(
                $"{owner}: input_size ({CropSize}) must be >= 8, resize_shorter ({ResizeShorter}) >= input_size, pixel_divisor ({PixelDivisor}) > 0, " +
                "mean and std three values each (RGB order) and std positive.");
        }
    }

    /// <summary>
    /// Writes the tensor of <paramref name="image"/> into <paramref name="destination"/> (length <see cref="TensorLength"/>);
    /// <paramref name="mirrored"/> flips it left to right (test-time augmentation).
    /// </summary>
    public void Fill(RgbImage image, Span<float> destination, bool mirrored)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNotEqual(destination.Length, TensorLength, nameof(destination));
        var resized = Resized(image);
        var (width, height) = (resized.Width, resized.Height);
        // Crop: where the window starts in the resized photo; pad: where the photo starts in the square (negated).
        var left = (width - CropSize) / 2;
        var top = (height - CropSize) / 2;
        var plane = CropSize * CropSize;
        Span<float> scale = stackalloc float[3];
        Span<float> offset = stackalloc float[3];
        Span<int> planeOf = stackalloc int[3];
        for (var c = 0; c < 3; c++)
        {
            // (p / divisor - mean) / std as one multiply-add per sample.
            scale[c] = 1f / (PixelDivisor * Std[c]);
            offset[c] = -Mean[c] / Std[c];
            planeOf[c] = (Order == ChannelOrder.Rgb ? c : 2 - c) * plane;
        }

        var columns = Math.Min(width, CropSize);
        var rows = Math.Min(height, CropSize);
        if (Pad)
        {
            for (var c = 0; c < 3; c++)
            {
                destination.Slice(planeOf[c], plane).Fill(255 * scale[c] + offset[c]);
            }
        }

        var pixels = resized.Pixels;
        for (var y = 0; y < rows; y++)
        {
            var source = ((Math.Max(top, 0) + y) * width + Math.Max(left, 0)) * 3;
            var row = (y + Math.Max(-top, 0)) * CropSize + Math.Max(-left, 0);
            for (var x = 0; x < columns; x++)
            {
                var s = source + 3 * (mirrored ? columns - 1 - x : x);
                var d = row + x;
                destination[planeOf[0] + d] = pixels[s] * scale[0] + offset[0];
                destination[planeOf[1] + d] = pixels[s + 1] * scale[1] + offset[1];
                destination[planeOf[2] + d] = pixels[s + 2] * scale[2] + offset[2];
            }
        }
    }

    /// <summary>
    /// <paramref name="image"/> at the size the recipe crops or pads from (itself when already there): a transform
    /// applied to this image, such as data augmentation, then works on the pixels the model will see.
    /// </summary>
    public RgbImage Resized(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (width, height) = Pad ? LongerSideTo(image.Width, image.Height, CropSize) : ShorterSideTo(image.Width, image.Height, ResizeShorter);
        return width == image.Width && height == image.Height ? image : ImageResizer.Resize(image, width, height, ResizeMethod.Area);
    }

    /// <summary>The size whose longer side is <paramref name="longer"/>, the shorter one scaled and rounded (at least 1).</summary>
    public static (int Width, int Height) LongerSideTo(int width, int height, int longer) =>
        width >= height
            ? (longer, Math.Clamp((int)Math.Round((double)height * longer / width), 1, longer))
            : (Math.Clamp((int)Math.Round((double)width * longer / height), 1, longer), longer);

    /// <summary>The size whose shorter side is <paramref name="shorter"/>, the longer one scaled and truncated as torchvision does.</summary>
    public static (int Width, int Height) ShorterSideTo(int width, int height, int shorter) =>
        width <= height
            ? (shorter, Math.Max(shorter, (int)((long)height * shorter / width)))
            : (Math.Max(shorter, (int)((long)width * shorter / height)), shorter);
}
