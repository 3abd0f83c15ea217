using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Imaging.Tests;

/// <summary>
/// Single-bit damage in the entropy-coded data is recovered as libjpeg recovers it (blank blocks, resynchronisation
/// at the next restart marker) with a warning, instead of rejecting the photo; a file cut short is still refused.
/// </summary>
public class DamagedJpegRecoveryTests
{
    private const int Flips = 40;

    [Theory]
    [InlineData("q100_optimized_444.jpg")] // no restart markers: the rest of the damaged scan is left blank
    [InlineData("large_restart_5mcu.jpg")] // restart every 5 MCUs: decoding resumes at the next RSTn
    public void Every_single_bit_flip_of_the_scan_data_decodes_and_the_damage_is_reported(string name)
    {
        var original = Fixture.Bytes(name);
        var reference = ImageDecoder.Decode(original);
        var scan = JpegSegments.Split(original).Single(s => s.Marker == 0xDA);
        int headerLength = 2 + ((scan.Bytes[2] << 8) | scan.Bytes[3]);
        int warned = 0, refused = 0;
        for (int i = 0; i < Flips; i++)
        {
            // Evenly spread over the entropy-coded bytes; a bit that would make a marker (FF) is skipped.
            int at = scan.Offset + headerLength + (int)((long)(scan.Bytes.Length - headerLength - 1) * i / Flips);
            var damaged = (byte[])original.Clone();
            damaged[at] ^= (byte)(1 << (i % 8));
            if (damaged[at] == 0xFF || original[at] == 0xFF)
            {
                continue;
            }

            try
            {
                var image = ImageDecoder.Decode(damaged, sourceName: $"flip {i}");
                Assert.Equal((reference.Width, reference.Height), (image.Width, image.Height));
                warned += image.Warnings.Count > 0 ? 1 : 0;
            }
            catch (ImageDecodeException error)
            {
                refused++;
                Assert.Fail($"flip {i} at byte {at} refused: {error.Message}");
            }
        }

        Assert.Equal(0, refused);
        Assert.True(warned > 0, "no flip was detected as damage");
        Assert.Empty(reference.Warnings);
    }

    [Fact]
    public void The_preprocessor_passes_the_warning_on_and_keeps_the_photo()
    {
        var original = Fixture.Bytes("large_restart_5mcu.jpg");
        var scan = JpegSegments.Split(original).Single(s => s.Marker == 0xDA);
        var damaged = (byte[])original.Clone();
        // Stuffed FF bytes (FF 00) in the middle of the scan: a run of 1-bits, which no Huffman code is: certain damage.
        for (int i = 0; i < 24; i += 2)
        {
            (damaged[scan.Offset + (scan.Bytes.Length / 2) + i], damaged[scan.Offset + (scan.Bytes.Length / 2) + i + 1]) = (0xFF, 0x00);
        }
        var preprocessor = new ImagePreprocessor(StudyConfiguration.Bind<ImagePreprocessParameters>("images.preprocess", p => { p.Size = 16; p.ThumbnailSize = 8; p.Equalization = "none"; }));
        var warnings = new List<string>();

        var image = preprocessor.Process(damaged, "damaged.jpg", warnings);

        Assert.Equal(16, image.GrayWidth);
        Assert.Contains(warnings, warning => warning.Contains("matches no Huffman code", StringComparison.Ordinal) && warning.Contains("left blank", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_cut_inside_its_scan_is_still_refused()
    {
        var original = Fixture.Bytes("large_restart_5mcu.jpg");

        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(original.AsSpan(0, original.Length * 2 / 3), sourceName: "cut.jpg"));

        Assert.Contains("truncated", error.Message);
    }
}
