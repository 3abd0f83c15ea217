using PdfSharp.Drawing;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Charts;

/// <summary>
/// Category colours that stay distinguishable for the common colour-vision deficiencies: the Okabe–Ito palette
/// without its yellow (too pale on white) and black, then three colours of Paul Tol's "muted" scheme and a dark
/// grey. Category k gets colour k mod 10 and, for every further 10 categories, the next marker shape.
/// </summary>
internal static class ChartPalette
{
    private static readonly XColor[] Colors =
    [
        XColor.FromArgb(0x00, 0x72, 0xB2), // blue
        XColor.FromArgb(0xE6, 0x9F, 0x00), // orange
        XColor.FromArgb(0x00, 0x9E, 0x73), // bluish green
        XColor.FromArgb(0xD5, 0x5E, 0x00), // vermilion
        XColor.FromArgb(0x56, 0xB4, 0xE9), // sky blue
        XColor.FromArgb(0xCC, 0x79, 0xA7), // reddish purple
        XColor.FromArgb(0x33, 0x22, 0x88), // indigo
        XColor.FromArgb(0x99, 0x99, 0x33), // olive
        XColor.FromArgb(0x88, 0x22, 0x55), // wine
        XColor.FromArgb(0x40, 0x40, 0x40), // dark grey
    ];

    private static readonly MarkerShape[] Shapes = Enum.GetValues<MarkerShape>();

    public static int Size => Colors.Length;

    public static XColor ColorFor(int category) => Colors[category % Colors.Length];

    public static MarkerShape ShapeFor(int category) => Shapes[category / Colors.Length % Shapes.Length];
}
