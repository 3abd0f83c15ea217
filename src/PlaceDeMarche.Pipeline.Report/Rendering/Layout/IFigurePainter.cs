using PdfSharp.Drawing;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Layout;

/// <summary>A figure drawn in one piece (chart, image): it chooses its height for a width, then draws in a box.</summary>
internal interface IFigurePainter
{
    /// <summary>The height wanted at <paramref name="width"/>, shrinking to <paramref name="maxHeight"/> when it can.</summary>
    double MeasureHeight(double width, double maxHeight);

    void Draw(XGraphics graphics, XRect area);
}
