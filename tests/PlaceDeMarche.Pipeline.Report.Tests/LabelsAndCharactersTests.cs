using PdfSharp.Pdf;
using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Tests;

public sealed class LabelsAndCharactersTests
{
    [Fact]
    public void French_labels_translate_everything_the_renderer_writes()
    {
        var document = new ReportDocument("Étude de faisabilité", SampleReports.StudyDate,
        [
            new ReportSection("Synthèse", [new Table(["Méthode", "ARI"], [["TF-IDF", "0,45"]]) { Caption = "Scores" }]),
            new ReportSection("Texte", [new BarChart("Scores", ["a"], [double.NaN]) { Caption = "Par méthode." }]),
        ])
        {
            IsSampleData = true,
            Labels = ReportLabels.French,
        };
        using var pdf = RenderedPdf.Render(document);

        Assert.Contains("15 mars 2024", pdf.TextsOf(0));
        Assert.Contains("DONNÉES D'EXEMPLE", pdf.TextsOf(0));
        Assert.Contains("Sommaire", pdf.TextsOf(1));
        Assert.True(pdf.PageContaining("Tableau 1.") > 1);
        Assert.True(pdf.PageContaining("Figure 1.") > 1);
        Assert.True(pdf.PageShowing("n.d.") > 1);
        Assert.Contains($"Page 2 / {pdf.PageCount}", pdf.TextsOf(1));
    }

    [Fact]
    public void No_break_spaces_keep_french_punctuation_on_the_line()
    {
        // "Verdict\u00A0:" must stay one word for the wrapper: a narrow paragraph may break before it, not inside it.
        var text = string.Join(" ", Enumerable.Repeat("Verdict\u00A0: faisable", 30));
        using var pdf = RenderedPdf.Render(new ReportDocument("NBSP", SampleReports.StudyDate,
            [new ReportSection("Texte", [new Callout("Titre", text)])]));
        var lines = pdf.TextsOf(2).Where(line => line.Contains("faisable", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length > 1);
        Assert.All(lines, line => Assert.False(line.StartsWith(':') || line.EndsWith("Verdict", StringComparison.Ordinal), line));
    }

    [Fact]
    public void Characters_outside_windows_1252_are_embedded_as_unicode_text()
    {
        using var pdf = RenderedPdf.Render(new ReportDocument("Symbols", SampleReports.StudyDate,
            [new ReportSection("Prix", [new Paragraph("Seuil ≥ 0.5 → prix en ₹, Ω")])]));
        // PDFsharp switches to a Type0 (CID) font with a ToUnicode map for such text, so it stays searchable.
        var fonts = pdf.Document.Pages[2].Resources.Elements.GetDictionary("/Font")!;
        var type0 = fonts.Elements.Values.Select(item => (item as PdfSharp.Pdf.Advanced.PdfReference)?.Value as PdfDictionary)
            .Where(font => font?.Elements.GetName("/Subtype") == "/Type0").ToArray();
        var font = Assert.Single(type0);
        Assert.NotNull(font!.Elements.GetReference("/ToUnicode"));
    }
}
