namespace PlaceDeMarche.Pipeline.Report.Rendering.Charts;

/// <summary>Point marker shapes, used in turn once the colours of the palette are exhausted.</summary>
internal enum MarkerShape
{
    Circle,
    Square,
    TriangleUp,
    Diamond,
    TriangleDown,
    Cross,
}
