using PlaceDeMarche.Pipeline.Imaging;

namespace PlaceDeMarche.Pipeline.Imaging.Tests;

/// <summary>
/// Reads the reference decoders' output: binary PPM (P6) or PGM (P5) with maxval 255, as RGB24 (gray replicated).
/// Shared with the benchmarks project, which compares against djpeg on real photos.
/// </summary>
internal static class PnmReader
{
    public static RgbImage Read(byte[] data, string name)
    {
        int position = 0;
        string magic = Token(data, ref position);
        int width = int.Parse(Token(data, ref position));
        int height = int.Parse(Token(data, ref position));
        string maxValue = Token(data, ref position);
        if (magic is not ("P5" or "P6") || maxValue != "255")
        {
            throw new InvalidDataException($"{name}: not an 8-bit binary PPM/PGM ({magic}, maxval {maxValue}).");
        }

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
