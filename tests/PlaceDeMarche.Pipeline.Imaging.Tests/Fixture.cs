namespace PlaceDeMarche.Pipeline.Imaging.Tests;

/// <summary>Access to the committed fixtures (see Fixtures/README.md) and comparison helpers.</summary>
internal static class Fixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>Reads a binary PPM (P6) or PGM (P5) with maxval 255 as RGB24 (gray replicated).</summary>
    public static RgbImage ReadPnm(string name)
    {
        var data = Bytes(name);
        int position = 0;
        string magic = Token(data, ref position);
        int width = int.Parse(Token(data, ref position));
        int height = int.Parse(Token(data, ref position));
        Assert.Equal("255", Token(data, ref position));
        position++; // the single whitespace byte after maxval
        var rgb = new byte[width * height * 3];
        for (int i = 0; i < width * height; i++)
        {
            for (int c = 0; c < 3; c++)
            {
                rgb[i * 3 + c] = magic == "P6" ? data[position + i * 3 + c] : data[position + i];
            }
        }

        return new RgbImage(width, height, rgb);
    }

    /// <summary>Mean and maximum absolute sample difference, after asserting equal sizes.</summary>
    public static (double Mean, int Max) Compare(RgbImage expected, RgbImage actual)
    {
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
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

    private static string Token(byte[] data, ref int position)
    {
        while (char.IsWhiteSpace((char)data[position]))
        {
            position++;
        }

        int start = position;
        while (!char.IsWhiteSpace((char)data[position]))
        {
            position++;
        }

        return System.Text.Encoding.ASCII.GetString(data, start, position - start);
    }
}
