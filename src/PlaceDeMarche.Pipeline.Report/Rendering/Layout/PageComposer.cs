using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Layout;

/// <summary>
/// Flows content down the body pages: owns the current page and its graphics, the vertical cursor, and starts a
/// new page when a block asks for more room than is left.
/// </summary>
internal sealed class PageComposer : IDisposable
{
    private XGraphics? graphics;
    private double pageTop = PageGeometry.ContentTop;

    public PageComposer(PdfDocument document) => Document = document;

    public PdfDocument Document { get; }

    public PdfPage Page { get; private set; } = null!;

    public XGraphics Graphics => graphics ?? throw new InvalidOperationException("No page has been started.");

    /// <summary>Top of the free space on the current page.</summary>
    public double Y { get; private set; }

    public double Left => PageGeometry.MarginLeft;

    public double Width => PageGeometry.ContentWidth;

    public double Remaining => PageGeometry.ContentBottom - Y;

    /// <summary>Nothing drawn yet on this page's free space (which starts lower on the title page).</summary>
    public bool IsAtPageTop => Y <= pageTop + 0.01;

    public void StartNewPage()
    {
        graphics?.Dispose();
        Page = AddA4Page(Document);
        graphics = XGraphics.FromPdfPage(Page);
        Y = pageTop = PageGeometry.ContentTop;
    }

    /// <summary>Continues on <paramref name="page"/>, already drawn on above <paramref name="top"/> (the title page).</summary>
    public void ContinueOn(PdfPage page, double top)
    {
        graphics?.Dispose();
        Page = page;
        graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        Y = pageTop = top;
    }

    /// <summary>Moves to a new page unless <paramref name="height"/> fits below the cursor (or the page is still
    /// empty, where nothing is gained by moving on).</summary>
    public void EnsureRoom(double height)
    {
        if (height > Remaining + 0.01 && !IsAtPageTop)
        {
            StartNewPage();
        }
    }

    public void Advance(double height) => Y += height;

    /// <summary>Adds space between blocks, unless the page is still empty.</summary>
    public void AddSpacing(double height)
    {
        if (!IsAtPageTop)
        {
            Y = Math.Min(Y + height, PageGeometry.ContentBottom);
        }
    }

    public static PdfPage AddA4Page(PdfDocument document)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageGeometry.PageWidth);
        page.Height = XUnit.FromPoint(PageGeometry.PageHeight);
        return page;
    }

    public void Dispose()
    {
        graphics?.Dispose();
        graphics = null;
    }
}
