using System.Diagnostics;
using PlaceDeMarche.Pipeline.Imaging;
using PlaceDeMarche.Pipeline.Imaging.Tests;

namespace PlaceDeMarche.Pipeline.Benchmarks;

/// <summary>libjpeg-turbo's djpeg as the reference decoder: its binary PPM output read back as RGB.</summary>
internal static class ReferenceDecoder
{
    /// <summary>Decodes <paramref name="file"/> with <c>djpeg -scale 1/<paramref name="denominator"/> -ppm</c>.</summary>
    public static RgbImage Djpeg(string file, int denominator)
    {
        var start = new ProcessStartInfo("djpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-scale", $"1/{denominator}", "-ppm", file })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("djpeg could not be started (apt-get install libjpeg-turbo-progs).");
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"djpeg failed on {file}: {errors.Trim()}");
        }

        return PnmReader.Read(output.ToArray(), file);
    }
}
