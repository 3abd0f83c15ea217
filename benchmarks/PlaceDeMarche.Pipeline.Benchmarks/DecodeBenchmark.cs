using PlaceDeMarche.Pipeline.Imaging;
using PlaceDeMarche.Pipeline.Imaging.Tests;

namespace PlaceDeMarche.Pipeline.Benchmarks;

/// <summary>Peer of reference/djpeg-all.sh: decodes every JPEG on one thread, as djpeg does.</summary>
internal static class DecodeBenchmark
{
    private static readonly DecodeScale[] Scales = [DecodeScale.Full, DecodeScale.Half, DecodeScale.Quarter, DecodeScale.Eighth];

    public static void Run(string imagesDirectory, DecodeScale scale)
    {
        var files = BenchmarkInputs.JpegFiles(imagesDirectory);
        var options = Options(scale);
        long pixels = 0;
        foreach (var file in files)
        {
            var image = ImageDecoder.DecodeFile(file, options);
            pixels += (long)image.Width * image.Height;
        }

        Console.WriteLine($"ours: {files.Length} images decoded{(scale == DecodeScale.Full ? "" : $" at 1/{(int)scale} scale")}, {pixels} pixels");
    }

    /// <summary>
    /// Decodes every JPEG to at most <paramref name="maxSide"/> pixels a side: each at the mildest DCT reduction that
    /// fits (1/8 at most), read from its header first. The header read is part of the timed work.
    /// </summary>
    public static void RunFitWithin(string imagesDirectory, int maxSide)
    {
        var files = BenchmarkInputs.JpegFiles(imagesDirectory);
        long pixels = 0;
        var used = new int[9];
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var scale = FittingScale(ImageDecoder.Identify(bytes, file), maxSide);
            var image = ImageDecoder.Decode(bytes, Options(scale), file);
            pixels += (long)image.Width * image.Height;
            used[(int)scale]++;
        }

        Console.WriteLine($"ours: {files.Length} images decoded to <= {maxSide} px ({used[2]} at 1/2, {used[4]} at 1/4, {used[8]} at 1/8, {used[1]} full), {pixels} pixels");
    }

    /// <summary>
    /// Correctness on real photos: every <paramref name="step"/>-th JPEG decoded by us and by djpeg at each scale,
    /// mean and maximum absolute sample difference (djpeg must be on the PATH).
    /// </summary>
    public static void CompareWithDjpeg(string imagesDirectory, int step)
    {
        var files = BenchmarkInputs.JpegFiles(imagesDirectory).Where((_, index) => index % step == 0).ToArray();
        foreach (var scale in Scales)
        {
            double worstMean = 0, sumOfMeans = 0;
            int worstMax = 0;
            foreach (var file in files)
            {
                var ours = ImageDecoder.DecodeFile(file, Options(scale));
                var (mean, max) = ImageDifference.Measure(ReferenceDecoder.Djpeg(file, (int)scale), ours);
                sumOfMeans += mean;
                worstMean = Math.Max(worstMean, mean);
                worstMax = Math.Max(worstMax, max);
            }

            Console.WriteLine($"1/{(int)scale}: {files.Length} photos, mean |ours - djpeg| {sumOfMeans / files.Length:F3} (worst photo {worstMean:F3}), max {worstMax}");
        }
    }

    // djpeg neither rotates by EXIF nor scales unless asked; -scale 1/N is DecodeScale N.
    private static DecodeOptions Options(DecodeScale scale) => new() { Scale = scale, ApplyExifOrientation = false };

    private static DecodeScale FittingScale(ImageInfo info, int maxSide)
    {
        foreach (var scale in Scales)
        {
            int factor = (int)scale;
            if ((Math.Max(info.Width, info.Height) + factor - 1) / factor <= maxSide)
            {
                return scale;
            }
        }

        return DecodeScale.Eighth;
    }
}
