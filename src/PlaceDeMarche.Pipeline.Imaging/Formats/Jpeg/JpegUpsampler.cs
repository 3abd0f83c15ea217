using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PlaceDeMarche.Pipeline.Imaging.Formats.Jpeg;

/// <summary>
/// Brings one subsampled component plane to output resolution a row at a time, with the same methods and
/// rounding as libjpeg-turbo's default ("fancy") upsampling so results match djpeg: triangle filters
/// (3/4, 1/4 weights) for 2:1 horizontal (h2v1), 2:1 both ways (h2v2) and 2:1 vertical (h1v2), plain
/// replication for other integral factors (e.g. 4:1:1), for components at most 2 samples wide and at 1/8
/// scale (where each sample is a whole block's average, so interpolating buys nothing).
/// Samples beyond the component's edges repeat the edge sample. Filters run 8 samples at a time on Vector128.
/// </summary>
internal sealed class JpegUpsampler
{
    private const int Padding = 32;
    private readonly JpegComponent component;
    private readonly byte[] output;
    private readonly ushort[] sums;
    private readonly bool fancy;

    /// <summary>Prepares row buffers for <paramref name="component"/>; <paramref name="fancy"/> allows the triangle filters.</summary>
    public JpegUpsampler(JpegComponent component, bool fancy)
    {
        this.component = component;
        this.fancy = fancy;
        output = new byte[(component.PlaneStride * component.UpsampleX) + Padding];
        sums = new ushort[component.PlaneStride + Padding];
    }

    /// <summary>Output row <paramref name="outputY"/> of the component (at least as wide as the image).</summary>
    public ReadOnlySpan<byte> GetRow(int outputY)
    {
        var plane = component.Plane;
        int stride = component.PlaneStride, width = component.SampleWidth;
        int ux = component.UpsampleX, uy = component.UpsampleY;
        if (ux == 1 && uy == 1)
        {
            return plane.AsSpan(outputY * stride, stride);
        }

        int inputY = outputY / uy;
        var near = plane.AsSpan(inputY * stride, width);
        if (fancy && uy == 2 && (ux == 1 || (ux == 2 && width > 2)))
        {
            // Even output rows lean on the row above, odd ones on the row below.
            bool upper = (outputY & 1) == 0;
            int farY = Math.Clamp(upper ? inputY - 1 : inputY + 1, 0, component.SampleHeight - 1);
            var far = plane.AsSpan(farY * stride, width);
            if (ux == 1)
            {
                VerticalTriangle(near, far, upper ? 1 : 2, output);
            }
            else
            {
                ColumnSums(near, far, sums);
                InterpolateHorizontally(sums, width, output, evenBias: 8, oddBias: 7, shift: 4);
            }

            return output;
        }

        if (fancy && uy == 1 && ux == 2 && width > 2)
        {
            for (int i = 0; i < width; i++)
            {
                sums[i + 1] = near[i];
            }

            InterpolateHorizontally(sums, width, output, evenBias: 1, oddBias: 2, shift: 2);
            return output;
        }

        for (int i = 0; i < width; i++)
        {
            output.AsSpan(i * ux, ux).Fill(near[i]);
        }

        return output;
    }

    /// <summary>sums[i + 1] = 3·near[i] + far[i]: the vertical half of the h2v2 triangle filter.</summary>
    private static void ColumnSums(ReadOnlySpan<byte> near, ReadOnlySpan<byte> far, ushort[] sums)
    {
        int i = 0;
        for (; i + 16 <= near.Length; i += 16)
        {
            var (nearLow, nearHigh) = Vector128.Widen(Vector128.Create(near.Slice(i, 16)));
            var (farLow, farHigh) = Vector128.Widen(Vector128.Create(far.Slice(i, 16)));
            (nearLow * 3 + farLow).CopyTo(sums.AsSpan(i + 1));
            (nearHigh * 3 + farHigh).CopyTo(sums.AsSpan(i + 9));
        }

        for (; i < near.Length; i++)
        {
            sums[i + 1] = (ushort)((near[i] * 3) + far[i]);
        }
    }

    /// <summary>
    /// out[2i] = (3·s[i] + s[i−1] + evenBias) &gt;&gt; shift, out[2i+1] = (3·s[i] + s[i+1] + oddBias) &gt;&gt; shift, with
    /// <paramref name="sums"/> holding s[i] at index i + 1 and the edges replicated.
    /// </summary>
    private static void InterpolateHorizontally(ushort[] sums, int width, byte[] output, int evenBias, int oddBias, int shift)
    {
        sums[0] = sums[1];
        sums[width + 1] = sums[width];
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var even = Vector128.Create((ushort)evenBias);
            var odd = Vector128.Create((ushort)oddBias);
            var interleave = Vector128.Create((byte)0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15);

            // The last block may compute a few samples past the width from stale sums; they land in padding.
            for (; i < width; i += 8)
            {
                var previous = Vector128.Create(sums.AsSpan(i, 8));
                var current = Vector128.Create(sums.AsSpan(i + 1, 8)) * 3;
                var next = Vector128.Create(sums.AsSpan(i + 2, 8));
                var left = Vector128.ShiftRightLogical(current + previous + even, shift);
                var right = Vector128.ShiftRightLogical(current + next + odd, shift);
                Vector128.Shuffle(Vector128.Narrow(left, right), interleave).CopyTo(output.AsSpan(2 * i));
            }

            return;
        }

        for (; i < width; i++)
        {
            int current = sums[i + 1] * 3;
            output[2 * i] = (byte)((current + sums[i] + evenBias) >> shift);
            output[2 * i + 1] = (byte)((current + sums[i + 2] + oddBias) >> shift);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void VerticalTriangle(ReadOnlySpan<byte> near, ReadOnlySpan<byte> far, int bias, byte[] output)
    {
        int i = 0;
        var biasVector = Vector128.Create((ushort)bias);
        for (; i + 16 <= near.Length; i += 16)
        {
            var (nearLow, nearHigh) = Vector128.Widen(Vector128.Create(near.Slice(i, 16)));
            var (farLow, farHigh) = Vector128.Widen(Vector128.Create(far.Slice(i, 16)));
            var low = Vector128.ShiftRightLogical((nearLow * 3) + farLow + biasVector, 2);
            var high = Vector128.ShiftRightLogical((nearHigh * 3) + farHigh + biasVector, 2);
            Vector128.Narrow(low, high).CopyTo(output.AsSpan(i));
        }

        for (; i < near.Length; i++)
        {
            output[i] = (byte)(((near[i] * 3) + far[i] + bias) >> 2);
        }
    }
}
