using PlaceDeMarche.Pipeline.Imaging;

namespace PlaceDeMarche.Pipeline.Benchmarks;

/// <summary>Peer of reference/djpeg-all.sh: decodes every JPEG on one thread, as djpeg does.</summary>
internal static class DecodeBenchmark
{
    public static void Run(string imagesDirectory, DecodeScale scale)
    {
        // djpeg neither rotates by EXIF nor scales unless asked; -scale 1/N is DecodeScale N.
        var options = new DecodeOptions
        {
            Scale = scale,
            ApplyExifOrientation = false,
        };
        var files = BenchmarkInputs.JpegFiles(imagesDirectory);
        long pixels = 0;
        foreach (var file in files)
        {
            var image = ImageDecoder.DecodeFile(file, options);
            pixels += (long)image.Width * image.Height;
        }

        Console.WriteLine($"ours: {files.Length} images decoded{(scale == DecodeScale.Full ? "" : $" at 1/{(int)scale} scale")}, {pixels} pixels");
    }
}
