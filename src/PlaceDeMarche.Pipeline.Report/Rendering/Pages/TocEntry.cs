using PdfSharp.Pdf;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Pages;

/// <summary>A heading as listed in the table of contents: its number ("2.1"), text, depth (1 = top) and page.</summary>
internal sealed record TocEntry(string Number, string Heading, int Level, PdfPage Page, int PageNumber);
