namespace PlaceDeMarche.Pipeline.Imaging.Formats.Png;

/// <summary>
/// Turns unfiltered PNG rows of any colour type and bit depth into RGB24 pixels: low bit depths are scaled to
/// 0..255 (value × 255 / (2^depth − 1)), 16-bit samples are rounded to 8 bits, and transparency (alpha channel,
/// palette alpha or the tRNS key colour) is composited over white or dropped. Palette indices past the palette
/// end decode as black, as browsers do.
/// </summary>
internal sealed class PngRowConverter
{
    private readonly PngHeader header;
    private readonly byte[] palette;
    private readonly byte[] paletteAlpha;
    private readonly int[]? transparentKey;
    private readonly bool composite;

    /// <summary>Creates a converter; <paramref name="transparency"/> is the raw tRNS payload (may be empty).</summary>
    public PngRowConverter(PngHeader header, byte[] palette, ReadOnlySpan<byte> transparency, AlphaHandling alpha)
    {
        this.header = header;
        this.palette = palette;
        composite = alpha == AlphaHandling.CompositeOnWhite;
        paletteAlpha = new byte[256];
        paletteAlpha.AsSpan().Fill(255);
        if (header.ColorType == PngColorType.Palette)
        {
            transparency[..Math.Min(transparency.Length, 256)].CopyTo(paletteAlpha);
        }
        else if (header.ColorType is PngColorType.Gray or PngColorType.Rgb && transparency.Length >= 2 * header.Channels)
        {
            transparentKey = new int[header.Channels];
            for (int c = 0; c < header.Channels; c++)
            {
                // Key samples are 16-bit fields holding a value of the image's bit depth.
                transparentKey[c] = (transparency[2 * c] << 8) | transparency[2 * c + 1];
            }
        }
    }

    /// <summary>Converts the pixels of <paramref name="row"/> and stores pixel i at <paramref name="rgb"/>[(first + i·step)·3].</summary>
    public void Convert(ReadOnlySpan<byte> row, int pixelCount, Span<byte> rgb, int first, int step)
    {
        int channels = header.Channels, depth = header.BitDepth;
        Span<int> samples = stackalloc int[4];
        for (int i = 0; i < pixelCount; i++)
        {
            for (int c = 0; c < channels; c++)
            {
                samples[c] = ReadSample(row, i * channels + c, depth);
            }

            int red, green, blue, alpha = 255;
            switch (header.ColorType)
            {
                case PngColorType.Palette:
                    int index = samples[0];
                    bool known = 3 * index + 2 < palette.Length;
                    red = known ? palette[3 * index] : 0;
                    green = known ? palette[3 * index + 1] : 0;
                    blue = known ? palette[3 * index + 2] : 0;
                    alpha = paletteAlpha[index];
                    break;
                case PngColorType.Gray or PngColorType.GrayAlpha:
                    red = green = blue = To8Bit(samples[0], depth);
                    if (header.ColorType == PngColorType.GrayAlpha)
                    {
                        alpha = To8Bit(samples[1], depth);
                    }
                    else if (transparentKey is not null && samples[0] == transparentKey[0])
                    {
                        alpha = 0;
                    }

                    break;
                default:
                    red = To8Bit(samples[0], depth);
                    green = To8Bit(samples[1], depth);
                    blue = To8Bit(samples[2], depth);
                    if (header.ColorType == PngColorType.Rgba)
                    {
                        alpha = To8Bit(samples[3], depth);
                    }
                    else if (transparentKey is not null && samples[0] == transparentKey[0] && samples[1] == transparentKey[1] && samples[2] == transparentKey[2])
                    {
                        alpha = 0;
                    }

                    break;
            }

            int o = (first + i * step) * 3;
            rgb[o] = Blend(red, alpha);
            rgb[o + 1] = Blend(green, alpha);
            rgb[o + 2] = Blend(blue, alpha);
        }
    }

    private byte Blend(int value, int alpha) =>
        composite && alpha != 255 ? (byte)((value * alpha + 255 * (255 - alpha) + 127) / 255) : (byte)value;

    private static int ReadSample(ReadOnlySpan<byte> row, int index, int depth) => depth switch
    {
        8 => row[index],
        16 => (row[2 * index] << 8) | row[2 * index + 1],
        _ => (row[index * depth / 8] >> (8 - depth - (index * depth % 8))) & ((1 << depth) - 1),
    };

    private static int To8Bit(int sample, int depth) => depth switch
    {
        8 => sample,
        16 => (sample * 255 + 32767) / 65535,
        _ => sample * 255 / ((1 << depth) - 1),
    };
}
