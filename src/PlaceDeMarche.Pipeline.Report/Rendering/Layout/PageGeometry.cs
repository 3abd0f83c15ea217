namespace PlaceDeMarche.Pipeline.Report.Rendering.Layout;

/// <summary>A4 portrait page and its margins, in points (1/72 inch).</summary>
internal static class PageGeometry
{
    public const double PageWidth = 595.276;
    public const double PageHeight = 841.89;
    public const double MarginLeft = 56.7;
    public const double MarginRight = 56.7;
    public const double ContentTop = 72;
    public const double ContentBottom = PageHeight - 64;
    public const double ContentWidth = PageWidth - MarginLeft - MarginRight;
    public const double ContentHeight = ContentBottom - ContentTop;
    public const double HeaderBaseline = 44;
    public const double HeaderRule = 52;
    public const double FooterBaseline = PageHeight - 36;
}
