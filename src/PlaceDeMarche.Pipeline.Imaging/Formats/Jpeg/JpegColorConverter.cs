using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PlaceDeMarche.Pipeline.Imaging.Formats.Jpeg;

/// <summary>
/// Converts decoded component rows to interleaved RGB24. YCbCr uses libjpeg's 16-bit fixed-point
/// coefficients (bit-exact with djpeg), eight pixels at a time on Vector256/Vector128.
/// </summary>
internal static class JpegColorConverter
{
    // FIX(x) = round(x * 2^16), as in libjpeg's jdcolor.c.
    private const int CrToR = 91881;
    private const int CbToB = 116130;
    private const int CbToG = -22554;
    private const int CrToG = -46802;
    private const int Half = 1 << 15;

    /// <summary>
    /// Converts <paramref name="width"/> YCbCr pixels. <paramref name="rgb"/> starts at the output row and may
    /// extend past it (up to 16 bytes beyond the row are scratch-written and later overwritten).
    /// </summary>
    public static void YCbCrToRgb(ReadOnlySpan<byte> luma, ReadOnlySpan<byte> cb, ReadOnlySpan<byte> cr, Span<byte> rgb, int width)
    {
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var half = Vector256.Create(Half);
            var centre = Vector256.Create(128);
            var max = Vector256.Create(255);
            for (; i + 8 <= width && 3 * i + 28 <= rgb.Length; i += 8)
            {
                var y = Load8(luma, i);
                var b = Load8(cb, i) - centre;
                var r = Load8(cr, i) - centre;
                var red = y + Vector256.ShiftRightArithmetic(r * CrToR + half, 16);
                var green = y + Vector256.ShiftRightArithmetic(b * CbToG + r * CrToG + half, 16);
                var blue = y + Vector256.ShiftRightArithmetic(b * CbToB + half, 16);
                red = Vector256.Min(Vector256.Max(red, Vector256<int>.Zero), max);
                green = Vector256.Min(Vector256.Max(green, Vector256<int>.Zero), max);
                blue = Vector256.Min(Vector256.Max(blue, Vector256<int>.Zero), max);
                StoreInterleaved4(red.GetLower(), green.GetLower(), blue.GetLower(), rgb.Slice(3 * i, 16));
                StoreInterleaved4(red.GetUpper(), green.GetUpper(), blue.GetUpper(), rgb.Slice(3 * i + 12, 16));
            }
        }

        for (; i < width; i++)
        {
            int y = luma[i], b = cb[i] - 128, r = cr[i] - 128;
            rgb[3 * i] = Clamp(y + ((r * CrToR + Half) >> 16));
            rgb[3 * i + 1] = Clamp(y + ((b * CbToG + r * CrToG + Half) >> 16));
            rgb[3 * i + 2] = Clamp(y + ((b * CbToB + Half) >> 16));
        }
    }

    /// <summary>Replicates gray samples into R, G and B.</summary>
    public static void GrayToRgb(ReadOnlySpan<byte> gray, Span<byte> rgb, int width)
    {
        for (int i = 0; i < width; i++)
        {
            byte g = gray[i];
            rgb[3 * i] = g;
            rgb[3 * i + 1] = g;
            rgb[3 * i + 2] = g;
        }
    }

    /// <summary>Interleaves untransformed R, G, B component rows.</summary>
    public static void PlanarToRgb(ReadOnlySpan<byte> red, ReadOnlySpan<byte> green, ReadOnlySpan<byte> blue, Span<byte> rgb, int width)
    {
        for (int i = 0; i < width; i++)
        {
            rgb[3 * i] = red[i];
            rgb[3 * i + 1] = green[i];
            rgb[3 * i + 2] = blue[i];
        }
    }

    /// <summary>
    /// Adobe CMYK (stored inverted, as Photoshop writes it) or YCCK to RGB: R = C·K/255 etc., the naive
    /// conversion also used by djpeg's PPM writer. For YCCK the first three components are YCbCr of (255 − C, …).
    /// </summary>
    public static void CmykToRgb(ReadOnlySpan<byte> c0, ReadOnlySpan<byte> c1, ReadOnlySpan<byte> c2, ReadOnlySpan<byte> black, bool isYcck, Span<byte> rgb, int width)
    {
        for (int i = 0; i < width; i++)
        {
            int cyan = c0[i], magenta = c1[i], yellow = c2[i], k = black[i];
            if (isYcck)
            {
                int y = c0[i], b = c1[i] - 128, r = c2[i] - 128;
                cyan = 255 - Clamp(y + ((r * CrToR + Half) >> 16));
                magenta = 255 - Clamp(y + ((b * CbToG + r * CrToG + Half) >> 16));
                yellow = 255 - Clamp(y + ((b * CbToB + Half) >> 16));
            }

            rgb[3 * i] = (byte)((cyan * k + 127) / 255);
            rgb[3 * i + 1] = (byte)((magenta * k + 127) / 255);
            rgb[3 * i + 2] = (byte)((yellow * k + 127) / 255);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Load8(ReadOnlySpan<byte> source, int index)
    {
        var bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(in source[index])).AsByte();
        var shorts = Vector128.WidenLower(bytes);
        return Vector256.Create(Vector128.WidenLower(shorts), Vector128.WidenUpper(shorts)).AsInt32();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreInterleaved4(Vector128<int> red, Vector128<int> green, Vector128<int> blue, Span<byte> destination)
    {
        // [R0..R3 G0..G3 B0..B3 0 0 0 0] -> R0 G0 B0 R1 G1 B1 ... B3 plus 4 scratch bytes.
        var redGreen = Vector128.Narrow(red, green).AsUInt16();
        var blueZero = Vector128.Narrow(blue, Vector128<int>.Zero).AsUInt16();
        var planar = Vector128.Narrow(redGreen, blueZero);
        var interleaved = Vector128.Shuffle(planar, Vector128.Create((byte)0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11, 12, 12, 12, 12));
        interleaved.CopyTo(destination);
    }
}
