using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Layout;

/// <summary>The regular, bold and italic faces of one text size, with the line height used for it.</summary>
internal sealed class FontSet
{
    public FontSet(double size, double lineSpacing = 1.35)
    {
        Regular = new XFont(Fonts.EmbeddedFontResolver.FamilyName, size, XFontStyleEx.Regular);
        Bold = new XFont(Fonts.EmbeddedFontResolver.FamilyName, size, XFontStyleEx.Bold);
        Italic = new XFont(Fonts.EmbeddedFontResolver.FamilyName, size, XFontStyleEx.Italic);
        LineHeight = size * lineSpacing;
    }

    public XFont Regular { get; }

    public XFont Bold { get; }

    public XFont Italic { get; }

    public double LineHeight { get; }

    public XFont For(TextEmphasis emphasis) => emphasis switch
    {
        TextEmphasis.Bold => Bold,
        TextEmphasis.Italic => Italic,
        _ => Regular,
    };
}
