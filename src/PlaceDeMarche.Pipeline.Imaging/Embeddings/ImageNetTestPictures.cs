namespace PlaceDeMarche.Pipeline.Imaging.Embeddings;

/// <summary>
/// Pictures drawn in code (no photo to ship) whose subject any ImageNet classifier recognises when its input is
/// prepared as it was trained: a honeycomb, a crossword grid, a spider web and a window screen. Wrong channel order,
/// mean, scale or layout make a model miss them, so they check a preprocessing recipe end to end.
/// </summary>
public static class ImageNetTestPictures
{
    /// <summary>Side of each picture: 256 px, so a 256-then-224 crop recipe and a 224 one both apply.</summary>
    public const int Size = 256;

    /// <summary>The four pictures, in a fixed order.</summary>
    public static IReadOnlyList<ImageNetTestPicture> All { get; } =
    [
        new("honeycomb", 599, Draw(Honeycomb)),
        new("crossword puzzle", 918, Draw(Crossword)),
        new("spider web", 815, Draw(SpiderWeb)),
        new("window screen", 904, Draw(WindowScreen)),
    ];

    private static RgbImage Draw(Func<int, int, (byte R, byte G, byte B)> colourAt)
    {
        var pixels = new byte[Size * Size * 3];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var (r, g, b) = colourAt(x, y);
                var i = ((y * Size) + x) * 3;
                pixels[i] = r;
                pixels[i + 1] = g;
                pixels[i + 2] = b;
            }
        }

        return new RgbImage(Size, Size, pixels);
    }

    /// <summary>Amber hexagonal cells with darker walls: the pixel's distance to its hexagon's centre, in cube coordinates.</summary>
    private static (byte, byte, byte) Honeycomb(int x, int y)
    {
        const double cell = 16;
        var q = ((x * Math.Sqrt(3) / 3) - (y / 3.0)) / cell;
        var r = y * 2 / 3.0 / cell;
        var s = -q - r;
        double rq = Math.Round(q), rr = Math.Round(r), rs = Math.Round(s);
        double dq = Math.Abs(rq - q), dr = Math.Abs(rr - r), ds = Math.Abs(rs - s);
        if (dq > dr && dq > ds)
        {
            rq = -rr - rs;
        }
        else if (dr > ds)
        {
            rr = -rq - rs;
        }
        else
        {
            rs = -rq - rr;
        }

        var distance = Math.Max(Math.Max(Math.Abs(rq - q), Math.Abs(rr - r)), Math.Abs(rs - s));
        return distance > 0.42 ? ((byte)150, (byte)90, (byte)10) : ((byte)235, (byte)170, (byte)30);
    }

    /// <summary>A 17 x 17 grid of white squares, a fixed scatter of them black, on a white page.</summary>
    private static (byte, byte, byte) Crossword(int x, int y)
    {
        const int cell = 14, cells = 17, margin = (Size - (cell * cells)) / 2;
        int gx = x - margin, gy = y - margin;
        if (gx < 0 || gy < 0 || gx > cell * cells || gy > cell * cells)
        {
            return (255, 255, 255);
        }

        var black = gx % cell == 0 || gy % cell == 0 || ((((gx / cell) * 73) + ((gy / cell) * 151)) % 17) < 3;
        return black ? ((byte)0, (byte)0, (byte)0) : ((byte)255, (byte)255, (byte)255);
    }

    /// <summary>Sixteen pale radial threads and a spiral on a dark background.</summary>
    private static (byte, byte, byte) SpiderWeb(int x, int y)
    {
        double dx = x - (Size / 2.0), dy = y - (Size / 2.0);
        var radius = Math.Sqrt((dx * dx) + (dy * dy));
        var angle = Math.Atan2(dy, dx);
        var thread = Math.Abs(Math.Sin(angle * 8)) * radius < 1.2;
        var spiral = Math.Abs(((radius + (angle * 4)) % 14) - 7) < 0.8 && radius < Size * 0.47;
        return thread || spiral ? ((byte)230, (byte)230, (byte)230) : ((byte)10, (byte)10, (byte)15);
    }

    /// <summary>A fine grey mesh: a dark line every fourth pixel both ways.</summary>
    private static (byte, byte, byte) WindowScreen(int x, int y) =>
        x % 4 == 0 || y % 4 == 0 ? ((byte)60, (byte)60, (byte)60) : ((byte)200, (byte)200, (byte)200);
}
