namespace PlaceDeMarche.Pipeline.Report.Rendering.Text;

/// <summary>Horizontal placement of a wrapped line in its box.</summary>
internal enum TextAlignment
{
    Left,
    Center,
    Right,
}
