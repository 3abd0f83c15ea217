using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering;

namespace PlaceDeMarche.Pipeline.Report.Tests;

public sealed class PdfReportRendererTests
{
    [Fact]
    public void Full_report_has_title_page_contents_and_every_block()
    {
        var document = SampleReports.Full();
        var bytes = RenderedPdf.RenderBytes(document);
        WriteSampleIfAsked(bytes, document);

        using var pdf = RenderedPdf.Render(document);
        // Title page, contents, ~3 pages of text and table, bar chart, 3 scatter pages, heatmap, images.
        Assert.True(pdf.PageCount >= 10, $"only {pdf.PageCount} pages");
        Assert.Equal(document.Title, pdf.Document.Info.Title);
        Assert.Equal(document.Author, pdf.Document.Info.Author);
        Assert.Equal(document.Subtitle, pdf.Document.Info.Subject);
        Assert.Equal("PlaceDeMarche.Pipeline.Report", pdf.Document.Info.Creator);
        Assert.Equal(SampleReports.StudyDate.UtcDateTime, pdf.Document.Info.CreationDate.ToUniversalTime());

        Assert.Contains("SAMPLE DATA", pdf.TextOf(0));
        Assert.Contains("15 March 2024", pdf.TextOf(0));
        Assert.Contains("Contents", pdf.TextOf(1));
        foreach (var expected in new[]
                 {
                     "Verdict: feasible", "Dataset at a glance", "Adjusted Rand index by method", "t-SNE of TF-IDF features",
                     "Predicted cluster", "One thumbnail per category.", "After a page break.", "Collect labels",
                 })
        {
            Assert.True(pdf.PageContaining(expected) >= 0, $"'{expected}' not found in the PDF text");
        }
    }

    [Fact]
    public void Every_page_but_the_title_page_is_numbered_page_x_of_y()
    {
        using var pdf = RenderedPdf.Render(SampleReports.Full());
        Assert.DoesNotContain("Page 1 /", pdf.TextOf(0));
        for (var page = 1; page < pdf.PageCount; page++)
        {
            Assert.Contains($"Page {page + 1} / {pdf.PageCount}", pdf.TextsOf(page));
        }
    }

    [Fact]
    public void Table_of_contents_gives_the_page_of_each_section()
    {
        using var pdf = RenderedPdf.Render(SampleReports.Full());
        var contents = pdf.TextsOf(1);
        foreach (var (number, heading) in new[] { ("1", "Summary for management"), ("1.1", "Data"), ("3", "Projections"), ("4", "Images") })
        {
            var page = pdf.PageShowing(heading, from: 2);
            Assert.True(page >= 2, $"heading '{heading}' not found in the body");
            var entry = contents.ToList().IndexOf(heading);
            Assert.True(entry > 0, $"'{heading}' missing from the contents");
            Assert.Equal(number, contents[entry - 1]);
            Assert.Equal((page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), contents[entry + 1]);
        }
    }

    [Fact]
    public void Sixty_row_table_continues_on_the_next_page_with_its_header_repeated()
    {
        using var pdf = RenderedPdf.Render(SampleReports.Full());
        var first = pdf.PageContaining("Per-product scores");
        var last = pdf.PageContaining("Product 60");
        Assert.True(first >= 0 && last > first, $"table starts on page {first}, row 60 is on page {last}");
        for (var page = first; page <= last; page++)
        {
            Assert.Contains("Category", pdf.TextsOf(page));
        }

        Assert.Contains("Per-product scores (continued)", pdf.TextsOf(first + 1));
        var rows = Enumerable.Range(first, last - first + 1).SelectMany(pdf.TextsOf).Count(text => text.StartsWith("Product ", StringComparison.Ordinal));
        Assert.Equal(60 - 7, rows); // every ninth row (7 of them) has a long product name instead
    }

    [Fact]
    public void Long_paragraphs_wrap_into_lines_that_keep_every_word()
    {
        using var pdf = RenderedPdf.Render(new ReportDocument("Wrap", SampleReports.StudyDate,
            [new ReportSection("Text", [new Paragraph(SampleReports.LongText(40))])]));
        string[] furniture = ["Wrap", "15 March 2024", "1", "Text"];
        var lines = Enumerable.Range(2, pdf.PageCount - 2).SelectMany(pdf.TextsOf)
            .Where(text => !furniture.Contains(text) && !text.StartsWith("Page ", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length > 40, $"{lines.Length} lines for 40 long sentences");
        Assert.Equal(SampleReports.LongText(40), string.Join(" ", lines));
        Assert.True(pdf.PageCount >= 4, "40 sentences should fill more than one body page");
    }

    [Fact]
    public void Scatter_plot_draws_one_marker_per_point()
    {
        var plot = SampleReports.Scatter(1050, 7, "Projection", seed: 11);
        using var pdf = RenderedPdf.Render(new ReportDocument("Scatter", SampleReports.StudyDate, [new ReportSection("Plot", [plot])]));
        var page = pdf.PageContaining("Projection");
        // Each circle marker is one filled path ("f"); a few more fills come from the legend markers.
        var fills = pdf.CountOperators(page, "f");
        Assert.InRange(fills, 1050, 1050 + 7 + 5);
        foreach (var category in SampleReports.Categories)
        {
            Assert.Contains(category, pdf.TextsOf(page));
        }
    }

    [Fact]
    public void Plot_grid_shares_one_legend_only_between_plots_with_the_same_categories()
    {
        ScatterPlot Plot(string title, params string[] names) => new(title, [0, 1], [1, 0], [0, 1], names);
        using var pdf = RenderedPdf.Render(new ReportDocument("Grids", SampleReports.StudyDate,
        [
            new ReportSection("Shared", [new PlotGrid([Plot("P1", "alpha", "beta"), Plot("P2", "alpha", "beta")])]),
            new ReportSection("Separate", [new PageBreak(), new PlotGrid([Plot("True", "alpha", "beta"), Plot("Clusters", "cluster 1", "cluster 2")])]),
        ]));
        var shared = pdf.TextsOf(pdf.PageShowing("P1"));
        Assert.Equal(1, shared.Count(text => text == "alpha"));
        var separate = pdf.TextsOf(pdf.PageShowing("Clusters"));
        Assert.Equal(1, separate.Count(text => text == "alpha"));
        Assert.Equal(1, separate.Count(text => text == "cluster 2"));
    }

    [Fact]
    public void Plot_grid_taller_than_a_page_continues_on_the_next_with_its_caption_under_the_last_part()
    {
        var plots = Enumerable.Range(1, 16).Select(i => new ScatterPlot($"Map {i}", [0, 1], [1, 0], [0, 1], ["alpha", "beta"])).ToArray();
        using var pdf = RenderedPdf.Render(new ReportDocument("Grids", SampleReports.StudyDate,
        [
            new ReportSection("Sixteen maps", [new PlotGrid(plots) { Caption = "All sixteen maps" }]),
        ]));

        var first = pdf.PageShowing("Map 1");
        var last = pdf.PageShowing("Map 16");
        Assert.True(last > first, $"16 maps in 8 rows of 2 do not fit on one page, yet map 1 and map 16 are on pages {first} and {last}");
        var titles = Enumerable.Range(first, last - first + 1).SelectMany(pdf.TextsOf).Where(text => text.StartsWith("Map ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(plots.Select(plot => plot.Title), titles);
        Assert.Equal(last, pdf.PageContaining("All sixteen maps"));
        for (var page = first; page <= last; page++)
        {
            Assert.Contains("alpha", pdf.TextsOf(page));
        }
    }

    [Fact]
    public void Same_model_renders_to_identical_bytes()
    {
        var first = RenderedPdf.RenderBytes(SampleReports.Full());
        var second = RenderedPdf.RenderBytes(SampleReports.Full());
        Assert.Equal(first, second);

        var retitled = RenderedPdf.RenderBytes(SampleReports.Full() with { Title = "Another title" });
        Assert.NotEqual(first, retitled);
    }

    [Fact]
    public void Uncompressed_output_shows_the_text_in_its_content_streams()
    {
        var bytes = RenderedPdf.RenderBytes(SampleReports.Full(), new PdfRenderOptions { CompressStreams = false });
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("(Per-product scores) Tj", raw, StringComparison.Ordinal);
        Assert.Contains("(Verdict: feasible) Tj", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Compressed_output_is_smaller_than_uncompressed()
    {
        var compressed = RenderedPdf.RenderBytes(SampleReports.Full());
        var plain = RenderedPdf.RenderBytes(SampleReports.Full(), new PdfRenderOptions { CompressStreams = false });
        Assert.True(compressed.Length * 2 < plain.Length, $"{compressed.Length} bytes compressed vs {plain.Length} plain");
    }

    [Fact]
    public void Output_stream_is_left_open_and_receives_a_pdf()
    {
        using var stream = new MemoryStream();
        new PdfReportRenderer().Render(SampleReports.Full() with { Sections = [] }, stream);
        Assert.True(stream.CanWrite);
        Assert.Equal("%PDF-"u8.ToArray(), stream.ToArray()[..5]);
    }

    private static void WriteSampleIfAsked(byte[] bytes, ReportDocument document)
    {
        // Set REPORT_SAMPLE_PDF=/tmp/report-sample.pdf to look at the rendering (pdftoppm, a viewer).
        var path = Environment.GetEnvironmentVariable("REPORT_SAMPLE_PDF");
        if (path is not null)
        {
            File.WriteAllBytes(path, bytes);
            File.WriteAllBytes(Path.ChangeExtension(path, ".plain.pdf"),
                RenderedPdf.RenderBytes(document, new PdfRenderOptions { CompressStreams = false }));
        }
    }
}
