namespace PlaceDeMarche.Pipeline.Imaging.Tests;

/// <summary>Seeded mutation fuzzing: whatever the damage, only <see cref="ImageDecodeException"/> may escape.</summary>
public class FuzzTests
{
    private static readonly string[] Seeds =
    [
        "baseline_420.jpg", "baseline_422.jpg", "gray.jpg", "large_progressive.jpg", "large_progressive_restart.jpg",
        "large_restart_5mcu.jpg", "progressive_444.jpg", "ycck_420.jpg", "exif_orientation_6.jpg", "tiny_3x2_420.jpg",
        "png_rgba8.png", "png_palette4_interlaced.png", "png_gray16.png", "png_rgb8_trns.png",
    ];

    [Fact]
    public void MutatedFixtures_OnlyThrowImageDecodeException()
    {
        var random = new Random(20240611);
        var options = new DecodeOptions { MaxPixels = 1 << 20, DownscaleToFitBudget = random.Next(2) == 0 };
        var originals = Seeds.Select(Fixture.Bytes).ToArray();
        int decoded = 0, rejected = 0;
        var unexpected = new List<string>();
        for (int iteration = 0; iteration < 2000; iteration++)
        {
            var data = Mutate(originals[iteration % originals.Length], random);
            try
            {
                var image = ImageDecoder.Decode(data, options with { Scale = (DecodeScale)(1 << random.Next(4)) }, $"mutation {iteration}");
                Assert.Equal(image.Width * image.Height * 3, image.Pixels.Length);
                decoded++;
            }
            catch (ImageDecodeException error)
            {
                rejected++;

                // Any other exception type escapes the decoder (a bug must fail loudly) and fails this test by itself;
                // an inner exception may only be a relabelled format error or zlib's InvalidDataException (corrupt PNG).
                if (error.InnerException is { } inner && inner is not (ImageDecodeException or InvalidDataException))
                {
                    unexpected.Add($"{iteration}: {inner.GetType().Name} {inner.Message}");
                }
            }
        }

        Assert.Empty(unexpected);

        // Both outcomes must occur, or the mutations are too weak / too strong to exercise the decoders.
        Assert.True(decoded > 100 && rejected > 100, $"decoded {decoded}, rejected {rejected}");
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var data = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0: // flip a few random bytes
                for (int i = random.Next(1, 6); i > 0; i--)
                {
                    data[random.Next(data.Length)] = (byte)random.Next(256);
                }

                return data;
            case 1: // truncate
                return data[..random.Next(data.Length)];
            case 2: // damage the headers, where lengths and sizes live
                for (int i = random.Next(1, 4); i > 0; i--)
                {
                    data[random.Next(Math.Min(data.Length, 700))] = (byte)random.Next(256);
                }

                return data;
            default: // insert a marker-like byte pair in the middle
                int at = random.Next(data.Length);
                return [.. data[..at], 0xFF, (byte)random.Next(256), .. data[at..]];
        }
    }
}
