using PdfSharp.Drawing;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Text;

/// <summary>One line produced by <see cref="TextWrapper"/>, ready to draw.</summary>
internal sealed class WrappedLine
{
    public WrappedLine(IReadOnlyList<TextFragment> fragments, double width)
    {
        Fragments = fragments;
        Width = width;
    }

    public IReadOnlyList<TextFragment> Fragments { get; }

    /// <summary>Width of the inked text, for right or centred alignment.</summary>
    public double Width { get; }

    /// <summary>Draws the line with its box's top at <paramref name="top"/>, vertically centred in the line height.</summary>
    public void Draw(XGraphics graphics, XBrush brush, double left, double top, double lineHeight)
    {
        foreach (var fragment in Fragments)
        {
            var glyphTop = top + (lineHeight - fragment.Font.GetHeight()) / 2;
            graphics.DrawString(fragment.Text, fragment.Font, brush, left + fragment.Offset, glyphTop, XStringFormats.TopLeft);
        }
    }
}
