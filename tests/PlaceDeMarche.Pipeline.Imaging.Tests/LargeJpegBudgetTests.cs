namespace PlaceDeMarche.Pipeline.Imaging.Tests;

/// <summary>
/// A 93-megapixel JPEG (issue 5), built in memory: the default 64 Mi pixel budget must refuse it before any
/// pixel buffer exists, and <see cref="DecodeOptions.DownscaleToFitBudget"/> must decode it at 1/2 scale with
/// memory bounded by the reduced output, not by the frame.
/// </summary>
public class LargeJpegBudgetTests
{
    private const int Width = 11200, Height = 8300; // 92,960,000 pixels > 64 Mi = 67,108,864

    private static readonly byte[] Data = UniformJpegWriter.Write(Width, Height);

    [Fact]
    public void Decode_93Megapixels_IsRefusedBeforeAllocating()
    {
        Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(Data)); // warm-up: one-time allocations not counted
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(Data, sourceName: "huge.jpg"));

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("pixel budget", error.Message);
        Assert.Contains("11200x8300", error.Message);
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Decode_93MegapixelsWithDownscaling_FitsTheBudgetAndItsMemory()
    {
        var options = new DecodeOptions { DownscaleToFitBudget = true };
        Assert.Equal(new ImageInfo(ImageFormat.Jpeg, Width, Height, 1, false, 1), ImageDecoder.Identify(Data));
        long before = GC.GetAllocatedBytesForCurrentThread();

        var image = ImageDecoder.Decode(Data, options);

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal((5600, 4150), (image.Width, image.Height)); // 1/2 scale, the first reduction under the budget
        Assert.True((long)image.Width * image.Height <= options.MaxPixels);
        Assert.Equal(128, image.Pixels[0]); // DC 0 is mid-gray after the level shift
        Assert.Equal(128, image.Pixels[^1]);

        // Output RGB (3 bytes/pixel) plus one gray sample plane at most rounded up to a power of two by the
        // pool: under 4.5 bytes per output pixel. A full-size decode would need 3 bytes per frame pixel (279 MB).
        long outputPixels = (long)image.Width * image.Height;
        Assert.True(allocated < 4.5 * outputPixels, $"allocated {allocated} bytes for {outputPixels} output pixels");
    }
}
