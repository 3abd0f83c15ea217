using PdfSharp.Drawing;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Charts;

/// <summary>
/// White-to-dark-blue colour ramp (the ColorBrewer "Blues" end points): lightness changes monotonically, so
/// the order of values reads the same in greyscale print and for colour-blind readers.
/// </summary>
internal static class SequentialColorScale
{
    private static readonly XColor[] Stops =
    [
        XColor.FromArgb(0xF7, 0xFB, 0xFF),
        XColor.FromArgb(0xC6, 0xDB, 0xEF),
        XColor.FromArgb(0x6B, 0xAE, 0xD6),
        XColor.FromArgb(0x21, 0x71, 0xB5),
        XColor.FromArgb(0x08, 0x30, 0x6B),
    ];

    /// <summary>Above this fraction the cell is dark enough to need white text.</summary>
    public const double DarkThreshold = 0.55;

    public static XColor At(double fraction)
    {
        var position = Math.Clamp(fraction, 0, 1) * (Stops.Length - 1);
        var index = Math.Min((int)position, Stops.Length - 2);
        var t = position - index;
        XColor from = Stops[index], to = Stops[index + 1];
        return XColor.FromArgb(Mix(from.R, to.R, t), Mix(from.G, to.G, t), Mix(from.B, to.B, t));
    }

    private static int Mix(byte from, byte to, double t) => (int)Math.Round(from + (to - from) * t);
}
