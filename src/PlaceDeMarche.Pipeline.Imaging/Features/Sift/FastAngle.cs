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
}
