using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

/// <summary>
/// SIMD reductions with a fixed 256-bit lane layout and a fixed horizontal summation order, so results are
/// bit-identical whatever vector width the CPU offers (TensorPrimitives may switch to 512-bit lanes and change
/// the rounding of sums). Multiply and add are kept separate (no FMA) for the same reason.
/// </summary>
internal static class VectorKernels
{
    /// <summary>Dot product of two equally long double vectors.</summary>
    public static double Dot(ReadOnlySpan<double> left, ReadOnlySpan<double> right)
    {
        var length = left.Length;
        ref var l = ref MemoryMarshal.GetReference(left);
        ref var r = ref MemoryMarshal.GetReference(right);
        var sum0 = Vector256<double>.Zero;
        var sum1 = Vector256<double>.Zero;
        var i = 0;
        for (; i <= length - 8; i += 8)
        {
            sum0 += Vector256.LoadUnsafe(ref l, (nuint)i) * Vector256.LoadUnsafe(ref r, (nuint)i);
            sum1 += Vector256.LoadUnsafe(ref l, (nuint)(i + 4)) * Vector256.LoadUnsafe(ref r, (nuint)(i + 4));
        }

        var total = HorizontalSum(sum0 + sum1);
        for (; i < length; i++)
        {
            total += Unsafe.Add(ref l, i) * Unsafe.Add(ref r, i);
        }

        return total;
    }

    /// <summary>Squared euclidean distance between two equally long float vectors, summed in double.</summary>
    public static double SquaredDistance(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        var length = left.Length;
        ref var l = ref MemoryMarshal.GetReference(left);
        ref var r = ref MemoryMarshal.GetReference(right);
        var sum = Vector256<float>.Zero;
        var i = 0;
        for (; i <= length - 8; i += 8)
        {
            var difference = Vector256.LoadUnsafe(ref l, (nuint)i) - Vector256.LoadUnsafe(ref r, (nuint)i);
            sum += difference * difference;
        }

        double total = HorizontalSum(sum);
        for (; i < length; i++)
        {
            double difference = Unsafe.Add(ref l, i) - Unsafe.Add(ref r, i);
            total += difference * difference;
        }

        return total;
    }

    /// <summary>
    /// result[c] = <see cref="SquaredDistance"/>(row, centre c) for the <paramref name="result"/>.Length centres stored
    /// row-major in <paramref name="centres"/>, with the same arithmetic per centre (so the same bits), four centres
    /// at a time: the row is loaded once for four, and four independent sums hide the latency of the additions that a
    /// single sum waits on.
    /// </summary>
    public static void SquaredDistances(ReadOnlySpan<float> row, ReadOnlySpan<float> centres, Span<double> result)
    {
        var length = row.Length;
        var count = result.Length;
        ref var r = ref MemoryMarshal.GetReference(row);
        var c = 0;
        for (; c <= count - 4; c += 4)
        {
            ref var c0 = ref Unsafe.AsRef(in centres[c * length]);
            ref var c1 = ref Unsafe.Add(ref c0, length);
            ref var c2 = ref Unsafe.Add(ref c1, length);
            ref var c3 = ref Unsafe.Add(ref c2, length);
            Vector256<float> sum0 = default, sum1 = default, sum2 = default, sum3 = default;
            var i = 0;
            for (; i <= length - 8; i += 8)
            {
                var x = Vector256.LoadUnsafe(ref r, (nuint)i);
                var d0 = x - Vector256.LoadUnsafe(ref c0, (nuint)i);
                var d1 = x - Vector256.LoadUnsafe(ref c1, (nuint)i);
                var d2 = x - Vector256.LoadUnsafe(ref c2, (nuint)i);
                var d3 = x - Vector256.LoadUnsafe(ref c3, (nuint)i);
                sum0 += d0 * d0;
                sum1 += d1 * d1;
                sum2 += d2 * d2;
                sum3 += d3 * d3;
            }

            double total0 = HorizontalSum(sum0), total1 = HorizontalSum(sum1), total2 = HorizontalSum(sum2), total3 = HorizontalSum(sum3);
            for (; i < length; i++)
            {
                var x = Unsafe.Add(ref r, i);
                double d0 = x - Unsafe.Add(ref c0, i), d1 = x - Unsafe.Add(ref c1, i), d2 = x - Unsafe.Add(ref c2, i), d3 = x - Unsafe.Add(ref c3, i);
                total0 += d0 * d0;
                total1 += d1 * d1;
                total2 += d2 * d2;
                total3 += d3 * d3;
            }

            result[c] = total0;
            result[c + 1] = total1;
            result[c + 2] = total2;
            result[c + 3] = total3;
        }

        for (; c < count; c++)
        {
            result[c] = SquaredDistance(row, centres.Slice(c * length, length));
        }
    }

    /// <summary>target[j] += source[j] for every j, each sum in double as a scalar loop would add it.</summary>
    public static void AddWidened(Span<double> target, ReadOnlySpan<float> source)
    {
        var length = source.Length;
        ref var t = ref MemoryMarshal.GetReference(target);
        ref var s = ref MemoryMarshal.GetReference(source);
        var i = 0;
        for (; i <= length - 8; i += 8)
        {
            var (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref s, (nuint)i));
            (Vector256.LoadUnsafe(ref t, (nuint)i) + lower).StoreUnsafe(ref t, (nuint)i);
            (Vector256.LoadUnsafe(ref t, (nuint)(i + 4)) + upper).StoreUnsafe(ref t, (nuint)(i + 4));
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref t, i) += Unsafe.Add(ref s, i);
        }
    }

    /// <summary><paramref name="target"/> += <paramref name="scale"/> × <paramref name="source"/>.</summary>
    public static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double scale)
    {
        var length = target.Length;
        ref var t = ref MemoryMarshal.GetReference(target);
        ref var s = ref MemoryMarshal.GetReference(source);
        var factor = Vector256.Create(scale);
        var i = 0;
        for (; i <= length - 4; i += 4)
        {
            (Vector256.LoadUnsafe(ref t, (nuint)i) + Vector256.LoadUnsafe(ref s, (nuint)i) * factor)
                .StoreUnsafe(ref t, (nuint)i);
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref t, i) += Unsafe.Add(ref s, i) * scale;
        }
    }

    /// <summary>Applies the plane rotation (x, y) ← (c·x + s·y, c·y − s·x) element-wise to two rows.</summary>
    public static void Rotate(Span<double> x, Span<double> y, double cosine, double sine)
    {
        var length = x.Length;
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var c = Vector256.Create(cosine);
        var s = Vector256.Create(sine);
        var i = 0;
        for (; i <= length - 4; i += 4)
        {
            var xv = Vector256.LoadUnsafe(ref xr, (nuint)i);
            var yv = Vector256.LoadUnsafe(ref yr, (nuint)i);
            (c * xv + s * yv).StoreUnsafe(ref xr, (nuint)i);
            (c * yv - s * xv).StoreUnsafe(ref yr, (nuint)i);
        }

        for (; i < length; i++)
        {
            var xv = Unsafe.Add(ref xr, i);
            var yv = Unsafe.Add(ref yr, i);
            Unsafe.Add(ref xr, i) = cosine * xv + sine * yv;
            Unsafe.Add(ref yr, i) = cosine * yv - sine * xv;
        }
    }

    /// <summary>Sums the lanes pairwise in a fixed order.</summary>
    public static double HorizontalSum(Vector256<double> v) =>
        (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));

    /// <summary>Sums the lanes pairwise in a fixed order.</summary>
    public static float HorizontalSum(Vector256<float> v) =>
        ((v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3)))
        + ((v.GetElement(4) + v.GetElement(5)) + (v.GetElement(6) + v.GetElement(7)));
}
