namespace PlaceDeMarche.Pipeline.Imaging.Tests;

/// <summary>Access to the committed fixtures (see Fixtures/README.md) and comparison helpers.</summary>
internal static class Fixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>Reads a binary PPM (P6) or PGM (P5) fixture with maxval 255 as RGB24 (gray replicated).</summary>
    public static RgbImage ReadPnm(string name) => PnmReader.Read(Bytes(name), name);

    /// <summary>Mean and maximum absolute sample difference, after asserting equal sizes.</summary>
    public static (double Mean, int Max) Compare(RgbImage expected, RgbImage actual)
    {
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        return ImageDifference.Measure(expected, actual);
    }
}
