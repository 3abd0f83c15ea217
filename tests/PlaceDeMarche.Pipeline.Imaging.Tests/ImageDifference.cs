using PlaceDeMarche.Pipeline.Imaging;

namespace PlaceDeMarche.Pipeline.Imaging.Tests;

/// <summary>Tolerant image comparison: mean and maximum absolute sample difference. Shared with the benchmarks project.</summary>
internal static class ImageDifference
{
    public static (double Mean, int Max) Measure(RgbImage expected, RgbImage actual)
    {
        if ((expected.Width, expected.Height) != (actual.Width, actual.Height))
        {
            throw new ArgumentException($"sizes differ: expected {expected.Width}x{expected.Height}, actual {actual.Width}x{actual.Height}", nameof(actual));
        }

        long sum = 0;
        int max = 0;
        for (int i = 0; i < expected.Pixels.Length; i++)
        {
            int difference = Math.Abs(expected.Pixels[i] - actual.Pixels[i]);
            sum += difference;
            max = Math.Max(max, difference);
        }

        return ((double)sum / expected.Pixels.Length, max);
    }
}
