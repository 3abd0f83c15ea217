using PdfSharp.Drawing;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Charts;

/// <summary>Draws filled markers centred on a point; reuses its vertex buffers so that plotting thousands of
/// points allocates nothing per point.</summary>
internal sealed class MarkerPainter
{
    private readonly XPoint[] triangle = new XPoint[3];
    private readonly XPoint[] diamond = new XPoint[4];
    private readonly XPoint[] cross = new XPoint[12];

    public void Draw(XGraphics graphics, XBrush brush, MarkerShape shape, double x, double y, double radius)
    {
        switch (shape)
        {
            case MarkerShape.Circle:
                graphics.DrawEllipse(brush, x - radius, y - radius, 2 * radius, 2 * radius);
                break;
            case MarkerShape.Square:
                var half = radius * 0.88;
                graphics.DrawRectangle(brush, x - half, y - half, 2 * half, 2 * half);
                break;
            case MarkerShape.TriangleUp:
            case MarkerShape.TriangleDown:
                var direction = shape == MarkerShape.TriangleUp ? 1 : -1;
                var size = radius * 1.2;
                triangle[0] = new XPoint(x, y - direction * size);
                triangle[1] = new XPoint(x + size * 0.866, y + direction * size * 0.5);
                triangle[2] = new XPoint(x - size * 0.866, y + direction * size * 0.5);
                graphics.DrawPolygon(brush, triangle, XFillMode.Winding);
                break;
            case MarkerShape.Diamond:
                var reach = radius * 1.2;
                diamond[0] = new XPoint(x, y - reach);
                diamond[1] = new XPoint(x + reach, y);
                diamond[2] = new XPoint(x, y + reach);
                diamond[3] = new XPoint(x - reach, y);
                graphics.DrawPolygon(brush, diamond, XFillMode.Winding);
                break;
            default:
                DrawCross(graphics, brush, x, y, radius * 1.15);
                break;
        }
    }

    private void DrawCross(XGraphics graphics, XBrush brush, double x, double y, double arm)
    {
        var bar = arm * 0.36;
        ReadOnlySpan<double> outline = [-bar, -arm, bar, -arm, bar, -bar, arm, -bar, arm, bar, bar, bar,
            bar, arm, -bar, arm, -bar, bar, -arm, bar, -arm, -bar, -bar, -bar];
        for (var i = 0; i < cross.Length; i++)
        {
            cross[i] = new XPoint(x + outline[2 * i], y + outline[2 * i + 1]);
        }

        graphics.DrawPolygon(brush, cross, XFillMode.Winding);
    }
}
