namespace PlaceDeMarche.Pipeline.Numerics.Tests;

/// <summary>How far two numeric results are apart, for tests that compare two implementations.</summary>
internal static class Comparison
{
    /// <summary>‖expected − actual‖ / ‖expected‖ (euclidean).</summary>
    public static double RelativeDifference(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double difference = 0, norm = 0;
        for (var c = 0; c < expected.Length; c++)
        {
            difference += (expected[c] - actual[c]) * (expected[c] - actual[c]);
            norm += expected[c] * expected[c];
        }

        return Math.Sqrt(difference / norm);
    }
}
