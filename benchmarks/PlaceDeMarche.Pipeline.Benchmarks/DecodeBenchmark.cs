using PlaceDeMarche.Pipeline.Imaging;

namespace PlaceDeMarche.Pipeline.Benchmarks;

/// <summary>Peer of reference/djpeg-all.sh: decodes every JPEG on one thread, as djpeg does.</summary>
internal static class DecodeBenchmark
{
    public static void Run(string imagesDirectory, bool scaled)
    {
        // djpeg neither rotates by EXIF nor scales unless asked; -scale 1/4 is DecodeScale.Quarter.
        var options = new DecodeOptions
        {
            Scale = scaled ? DecodeScale.Quarter : DecodeScale.Full,
            ApplyExifOrientation = false,
        };
        var files = BenchmarkInputs.JpegFiles(imagesDirectory);
        long pixels = 0;
        foreach (var file in files)
        {
            var image = ImageDecoder.DecodeFile(file, options);
            pixels += (long)image.Width * image.Height;
        }

        Console.WriteLine($"ours: {files.Length} images decoded{(scaled ? " at 1/4 scale" : "")}, {pixels} pixels");
    }
}
