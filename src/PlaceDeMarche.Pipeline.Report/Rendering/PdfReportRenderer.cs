using System.Security.Cryptography;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;
using PlaceDeMarche.Pipeline.Report.Rendering.Output;
using PlaceDeMarche.Pipeline.Report.Rendering.Pages;
using PlaceDeMarche.Pipeline.Report.Rendering.Sections;
using PlaceDeMarche.Pipeline.Report.Rendering.Text;

namespace PlaceDeMarche.Pipeline.Report.Rendering;

/// <summary>
/// Renders a <see cref="ReportDocument"/> to an A4 PDF: title page, table of contents, numbered sections with
/// paginated blocks, page headers and footers, bookmarks. The output depends only on the model: the same model
/// gives the same bytes.
/// </summary>
public sealed class PdfReportRenderer
{
    private const string Creator = "PlaceDeMarche.Pipeline.Report";

    private readonly PdfRenderOptions options;

    /// <summary>Creates a renderer; <paramref name="options"/> defaults to compressed output.</summary>
    public PdfReportRenderer(PdfRenderOptions? options = null) => this.options = options ?? new PdfRenderOptions();

    /// <summary>Writes the PDF of <paramref name="document"/> to <paramref name="output"/>, which is left open.</summary>
    /// <exception cref="ArgumentException">A block is inconsistent (e.g. a table row with the wrong number of cells);
    /// the message names the block and what to fix.</exception>
    public void Render(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        }

        PdfSharpSetup.EnsureInitialized();
        using var pdf = CreatePdf(document);
        var theme = new ReportTheme(document.Labels);
        using var measure = XGraphics.CreateMeasureContext(new XSize(PageGeometry.PageWidth, PageGeometry.PageHeight),
            XGraphicsUnit.Point, XPageDirection.Downwards);
        var wrapper = new TextWrapper(measure);
        var numbering = new CaptionNumbering();

        var titlePage = PageComposer.AddA4Page(pdf);
        double belowTitle;
        using (var titleGraphics = XGraphics.FromPdfPage(titlePage))
        {
            belowTitle = TitlePagePainter.Draw(titleGraphics, document, theme, wrapper);
        }

        if (document.Preface.Count > 0)
        {
            // The preface (the summary for management) is what a reader must see first: it starts on the title page.
            using var prefaceComposer = new PageComposer(pdf);
            prefaceComposer.ContinueOn(titlePage, belowTitle);
            new SectionRenderer(new RenderContext(prefaceComposer, theme, wrapper, numbering)) { Numbered = false }.Render(document.Preface);
        }

        var toc = new TableOfContentsPainter(theme, wrapper);
        var tocPages = Enumerable.Range(0, toc.PageCount(SectionRenderer.CountTocEntries(document.Sections)))
            .Select(_ => PageComposer.AddA4Page(pdf)).ToArray();

        IReadOnlyList<TocEntry> entries;
        using (var composer = new PageComposer(pdf))
        {
            composer.StartNewPage();
            var sections = new SectionRenderer(new RenderContext(composer, theme, wrapper, numbering));
            sections.Render(document.Sections);
            entries = sections.TocEntries;
        }

        toc.Draw(tocPages, entries);
        PageFurniturePainter.Draw(pdf, document, theme, wrapper);
        using var uncompressed = new MemoryStream();
        pdf.Save(uncompressed, closeStream: false);
        uncompressed.Position = 0;
        using var finished = new MemoryStream();
        StreamCompressor.Rewrite(uncompressed, finished, options.CompressStreams, reopened => SetMetadata(reopened, document));
        var bytes = finished.GetBuffer().AsSpan(0, (int)finished.Length);
        ReproducibilityPatch.Apply(bytes, FileIdentifier(document));
        output.Write(bytes);
    }

    private PdfDocument CreatePdf(ReportDocument document)
    {
        var pdf = new PdfDocument();
        // Compression happens afterwards in StreamCompressor (see there why).
        pdf.Options.CompressContentStreams = false;
        pdf.Options.NoCompression = true;
        pdf.PageLayout = PdfPageLayout.SinglePage;
        pdf.PageMode = PdfPageMode.UseOutlines;
        SetMetadata(pdf, document);
        return pdf;
    }

    /// <summary>Sets the document info and the file identifier from the model, so that output is reproducible.</summary>
    private static void SetMetadata(PdfDocument pdf, ReportDocument document)
    {
        pdf.Info.Title = document.Title;
        pdf.Info.Subject = document.Subtitle ?? "";
        pdf.Info.Author = document.Author ?? "";
        pdf.Info.Creator = Creator;
        pdf.Info.CreationDate = document.Date.UtcDateTime;
        pdf.Info.ModificationDate = document.Date.UtcDateTime;

        // PDFsharp draws a random file identifier; derive it from the model instead so output is reproducible.
        var idString = new string(Array.ConvertAll(FileIdentifier(document).ToByteArray(bigEndian: true), b => (char)b));
        pdf.Internals.FirstDocumentID = idString;
        pdf.Internals.SecondDocumentID = idString;
    }

    /// <summary>An identifier that changes when the title page data or the section headings change.</summary>
    private static Guid FileIdentifier(ReportDocument document)
    {
        var identity = string.Join('\u001f', document.Title, document.Subtitle, document.Author, document.Date.ToString("O"),
            document.IsSampleData, string.Join('\u001e', document.Preface.Concat(document.Sections).Select(section => section.Heading)));
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 16), bigEndian: true);
    }
}
