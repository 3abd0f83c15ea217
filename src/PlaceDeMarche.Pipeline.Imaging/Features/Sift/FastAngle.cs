using System.Runtime.Intrinsics;

namespace PlaceDeMarche.Pipeline.Imaging.Features.Sift;

/// <summary>Gradient direction in degrees without Math.Atan2, which dominated descriptor time.</summary>
internal static class FastAngle
{
    // Least-squares odd polynomial for atan(t)·180/π on [0, 1] (numpy lstsq over 20001 points; max error 0.012°).
    private const float C1 = 57.25662142f;
    private const float C3 = -18.46566996f;
    private const float C5 = 8.53896653f;
    private const float C7 = -2.34133483f;

    /// <summary>atan2(y, x) in degrees in [0, 360); 0 for a zero vector.</summary>
    public static float Degrees(float y, float x)
    {
        var ax = MathF.Abs(x);
        var ay = MathF.Abs(y);
        if (ax == 0 && ay == 0)
        {
            return 0;
        }

        // Reduce to t = min/max in [0, 1], then unfold octant and quadrant.
        var swap = ay > ax;
        var t = swap ? ax / ay : ay / ax;
        var t2 = t * t;
        var angle = ((C7 * t2 + C5) * t2 + C3) * t2 * t + C1 * t;
        if (swap)
        {
            angle = 90f - angle;
        }

        if (x < 0)
        {
            angle = 180f - angle;
        }

        if (y < 0)
        {
            angle = 360f - angle;
        }

        return angle >= 360f ? angle - 360f : angle;
    }

    /// <summary>
    /// <see cref="Degrees(float, float)"/> of each (y, x) pair, eight at a time: the same operations in the same order,
    /// so the same results as the scalar form.
    /// </summary>
    public static void Degrees(ReadOnlySpan<float> y, ReadOnlySpan<float> x, Span<float> degrees)
    {
        if (y.Length != x.Length || degrees.Length < x.Length)
        {
            throw new ArgumentException($"y ({y.Length}), x ({x.Length}) and degrees ({degrees.Length}) must have matching lengths.");
        }

        var i = 0;
        for (; i + Vector256<float>.Count <= x.Length; i += Vector256<float>.Count)
        {
            var vy = Vector256.Create(y.Slice(i, Vector256<float>.Count));
            var vx = Vector256.Create(x.Slice(i, Vector256<float>.Count));
            var ax = Vector256.Abs(vx);
            var ay = Vector256.Abs(vy);
            var swap = Vector256.GreaterThan(ay, ax);
            var t = Vector256.ConditionalSelect(swap, ax / ay, ay / ax);
            var t2 = t * t;
            var angle = (((Vector256.Create(C7) * t2) + Vector256.Create(C5)) * t2 + Vector256.Create(C3)) * t2 * t + (Vector256.Create(C1) * t);
            angle = Vector256.ConditionalSelect(swap, Vector256.Create(90f) - angle, angle);
            angle = Vector256.ConditionalSelect(Vector256.LessThan(vx, Vector256<float>.Zero), Vector256.Create(180f) - angle, angle);
            angle = Vector256.ConditionalSelect(Vector256.LessThan(vy, Vector256<float>.Zero), Vector256.Create(360f) - angle, angle);
            angle = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(angle, Vector256.Create(360f)), angle - Vector256.Create(360f), angle);
            var zero = Vector256.Equals(ax, Vector256<float>.Zero) & Vector256.Equals(ay, Vector256<float>.Zero);
            Vector256.ConditionalSelect(zero, Vector256<float>.Zero, angle).CopyTo(degrees.Slice(i, Vector256<float>.Count));
        }

        for (; i < x.Length; i++)
        {
            degrees[i] = Degrees(y[i], x[i]);
        }
    }
}
