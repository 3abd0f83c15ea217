using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Imaging.Tests;

/// <summary>The decoder fixes of issue 15: scan bound, EXIF after the frame header, 64-bit sizes, honest failures.</summary>
public class JpegHardeningTests
{
    [Fact]
    public void A_progressive_file_repeating_a_scan_ten_thousand_times_is_refused_at_the_scan_bound()
    {
        var original = Fixture.Bytes("progressive_444.jpg");
        var segments = JpegSegments.Split(original);
        // A first (not refining) AC scan: repeating it rewrites the same coefficients, so only the bound can stop it.
        var firstPassScan = segments.Last(s => s.Marker == 0xDA && s.Bytes[4] == 1 && (s.Bytes[4 + 1 + 2 + 2] >> 4) == 0 && s.Bytes[4 + 1 + 2] > 0);
        var data = JpegSegments.Join(original, segments, firstPassScan, Enumerable.Repeat(firstPassScan, 10_000));
        int firstRefused = FindNthScan(data, 101);

        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(data, sourceName: "many-scans.jpg"));

        Assert.Contains("more than 100 scans (DecodeOptions.MaxScans)", error.Message);
        // Refused at the 101st scan header: the 9,900 scans after it are never decoded.
        Assert.Equal(firstRefused, error.Offset);
    }

    [Fact]
    public void The_scan_bound_counts_every_scan_of_a_legitimate_file()
    {
        var data = Fixture.Bytes("progressive_444.jpg");
        int scans = JpegSegments.Split(data).Count(s => s.Marker == 0xDA);

        var image = ImageDecoder.Decode(data, new DecodeOptions { MaxScans = scans });
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(data, new DecodeOptions { MaxScans = scans - 1, MaxScansName = "images.preprocess.max_scans" }));

        Assert.True(scans > 2, $"{scans} scans");
        Assert.True(image.Width > 0);
        Assert.Contains($"more than {scans - 1} scans (images.preprocess.max_scans)", error.Message);
    }

    [Fact]
    public void An_exif_orientation_after_the_frame_header_is_seen_by_the_header_read()
    {
        var original = Fixture.Bytes("exif_orientation_6.jpg");
        var segments = JpegSegments.Split(original);
        var exif = segments.Single(s => s.Marker == 0xE1);
        var frame = segments.First(s => s.Marker is 0xC0 or 0xC1 or 0xC2);
        var moved = JpegSegments.Join(original, segments.Where(s => s != exif).ToList(), frame, [frame, exif]);

        var info = ImageDecoder.Identify(moved);
        var decoded = ImageDecoder.Decode(moved);

        Assert.True(moved.AsSpan().IndexOf("Exif"u8) > original.AsSpan().IndexOf("Exif"u8)); // it really moved
        Assert.Equal(6, info.ExifOrientation);
        Assert.Equal((decoded.Width, decoded.Height), ImagePreprocessor.UprightSize(moved, "moved-exif.jpg"));
        Assert.NotEqual(decoded.Width, decoded.Height);
    }

    [Fact]
    public void A_raised_budget_meets_the_implementation_limit_not_an_overflow()
    {
        var data = Fixture.Bytes("absurd_65500x65500.jpg");

        var error = Assert.Throws<ImageDecodeException>(() =>
            ImageDecoder.Decode(data, new DecodeOptions { MaxPixels = 5_000_000_000 }, "absurd.jpg"));

        Assert.Contains("65500x65500 needs", error.Message);
        Assert.Contains("an implementation limit, not a damaged file", error.Message);
        Assert.True(error.InnerException is null or ImageDecodeException, error.InnerException?.GetType().Name);
    }

    [Fact]
    public void The_pipeline_budget_error_names_the_pipeline_setting()
    {
        var preprocessor = new ImagePreprocessor(StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 16; p.ThumbnailSize = 8; p.MaxPixels = 100; }));

        var error = Assert.Throws<ImageDecodeException>(() => preprocessor.Process(Fixture.Bytes("baseline_420.jpg"), "photo.jpg"));

        Assert.Contains("pixel budget of 100 (images.preprocess.max_pixels); raise it if the file is trusted", error.Message);
        Assert.DoesNotContain("DecodeOptions", error.Message);
        Assert.DoesNotContain("downscaling", error.Message);
    }

    [Fact]
    public void A_decoder_bug_is_not_disguised_as_an_unusable_image()
    {
        var jpeg = Fixture.Bytes("baseline_420.jpg");

        Assert.Throws<NullReferenceException>(() => ImageDecoder.Run<RgbImage>(jpeg, DecodeOptions.Default, "photo.jpg",
            (_, _) => throw new NullReferenceException("decoder bug"), (_, _) => throw new InvalidOperationException("not reached")));
        Assert.Throws<IndexOutOfRangeException>(() => ImageDecoder.Run<RgbImage>(jpeg, DecodeOptions.Default, "photo.jpg",
            (_, _) => throw new IndexOutOfRangeException("decoder bug"), (_, _) => throw new InvalidOperationException("not reached")));
        var formatError = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Run<RgbImage>(jpeg, DecodeOptions.Default, "photo.jpg",
            (_, _) => throw new ImageDecodeException("corrupt"), (_, _) => throw new InvalidOperationException("not reached")));
        Assert.Equal("photo.jpg", formatError.SourceName);
    }

    /// <summary>Offset of the <paramref name="n"/>-th SOS marker (1-based) of <paramref name="data"/>.</summary>
    private static int FindNthScan(byte[] data, int n) =>
        JpegSegments.Split(data).Where(s => s.Marker == 0xDA).ElementAt(n - 1).Offset;
}
