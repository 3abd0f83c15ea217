using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering;

namespace PlaceDeMarche.Pipeline.Report.Tests;

/// <summary>
/// A report rendered to memory and read back with PDFsharp's parser: page count, document info, and per page the
/// drawing operators and the text shown by them (Tj/TJ strings; PDFsharp gives the report's fonts the WinAnsi
/// encoding when, as in these tests, every character is in Windows-1252).
/// </summary>
internal sealed class RenderedPdf : IDisposable
{
    private static readonly System.Text.Encoding WinAnsi = CreateWinAnsi();

    private RenderedPdf(byte[] bytes)
    {
        Bytes = bytes;
        Document = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Pages = Document.Pages.Cast<PdfPage>().Select(page => Flatten(ContentReader.ReadContent(page)).ToArray()).ToArray();
    }

    public byte[] Bytes { get; }

    public PdfDocument Document { get; }

    /// <summary>Operators of each page, in drawing order.</summary>
    public IReadOnlyList<COperator[]> Pages { get; }

    public int PageCount => Document.PageCount;

    public static byte[] RenderBytes(ReportDocument document, PdfRenderOptions? options = null)
    {
        using var stream = new MemoryStream();
        new PdfReportRenderer(options).Render(document, stream);
        return stream.ToArray();
    }

    public static RenderedPdf Render(ReportDocument document) => new(RenderBytes(document));

    /// <summary>The strings shown on page <paramref name="index"/> (0-based), one per text-showing operator.</summary>
    public IReadOnlyList<string> TextsOf(int index) =>
        Pages[index].Where(op => op.Name is "Tj" or "TJ").SelectMany(op => Strings(op.Operands)).ToArray();

    public string TextOf(int index) => string.Join(" ", TextsOf(index));

    /// <summary>Index of the first page whose text contains <paramref name="text"/>, or -1.</summary>
    public int PageContaining(string text, int from = 0)
    {
        for (var i = from; i < PageCount; i++)
        {
            if (TextOf(i).Contains(text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the first page from <paramref name="from"/> that shows exactly <paramref name="text"/>
    /// as one string, or -1.</summary>
    public int PageShowing(string text, int from = 0)
    {
        for (var i = from; i < PageCount; i++)
        {
            if (TextsOf(i).Contains(text))
            {
                return i;
            }
        }

        return -1;
    }

    public int CountOperators(int page, string name) => Pages[page].Count(op => op.Name == name);

    public void Dispose() => Document.Dispose();

    private static IEnumerable<string> Strings(CSequence operands)
    {
        foreach (var operand in operands)
        {
            switch (operand)
            {
                case CString text:
                    // PDFsharp's parser returns one char per string byte.
                    yield return WinAnsi.GetString(text.Value.Select(c => (byte)c).ToArray());
                    break;
                case CArray array:
                    yield return string.Concat(Strings(array));
                    break;
            }
        }
    }

    private static System.Text.Encoding CreateWinAnsi()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(1252);
    }

    private static IEnumerable<COperator> Flatten(CSequence sequence)
    {
        foreach (var item in sequence)
        {
            switch (item)
            {
                case COperator op:
                    yield return op;
                    break;
                case CSequence inner:
                    foreach (var op in Flatten(inner))
                    {
                        yield return op;
                    }

                    break;
            }
        }
    }
}
