using PdfSharp.Drawing;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Text;

/// <summary>Consecutive words of one font on a line, placed at <see cref="Offset"/> from the line start.</summary>
internal readonly record struct TextFragment(string Text, XFont Font, double Offset);
