using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Tests;

public sealed class DegenerateInputTests
{
    private static RenderedPdf RenderBlocks(params ReportBlock[] blocks) =>
        RenderedPdf.Render(new ReportDocument("Edge cases", SampleReports.StudyDate, [new ReportSection("Blocks", blocks)]));

    [Fact]
    public void Document_without_sections_is_a_title_page_only()
    {
        using var pdf = RenderedPdf.Render(new ReportDocument("Empty", SampleReports.StudyDate, []));
        // Title page, then the (empty) first body page: no contents page is reserved for zero entries.
        Assert.Equal(2, pdf.PageCount);
        Assert.Contains("Empty", pdf.TextsOf(0));
        Assert.DoesNotContain("Contents", pdf.TextsOf(1));
    }

    [Fact]
    public void Scatter_plot_without_points_says_so()
    {
        using var pdf = RenderBlocks(new ScatterPlot("Nothing", [], [], [], []));
        Assert.True(pdf.PageShowing("No data to show") > 0);
    }

    [Fact]
    public void Scatter_plot_skips_and_counts_non_finite_points()
    {
        using var pdf = RenderBlocks(new ScatterPlot("Some missing",
            [1, double.NaN, 3, double.PositiveInfinity], [1, 2, double.NaN, 4], [0, 0, 1, 1], ["a", "b"]));
        var page = pdf.PageShowing("Some missing");
        Assert.Contains("3 of 4 points not drawn (missing or infinite coordinates)", pdf.TextsOf(page));
        Assert.Equal(1 + 2, pdf.CountOperators(page, "f")); // the one finite point and the two legend markers
    }

    [Fact]
    public void Scatter_plot_with_only_missing_values_or_one_point_or_one_category_renders()
    {
        using var pdf = RenderBlocks(
            new ScatterPlot("All NaN", [double.NaN, double.NaN], [double.NaN, 0], [0, 0], ["only"]),
            new ScatterPlot("One point", [5], [5], [0], ["only"]),
            new ScatterPlot("No categories", [1, 2, 3], [3, 1, 2], [0, 0, 0], []));
        Assert.True(pdf.PageShowing("No data to show") > 0);
        var onePoint = pdf.PageShowing("One point");
        // A single value is centred in a unit-wide axis: 4.5 … 5.5 with ticks every 0.2.
        Assert.Contains("5.0", pdf.TextsOf(onePoint));
        Assert.True(pdf.PageShowing("No categories") > 0);
    }

    [Fact]
    public void Empty_tables_render_a_placeholder()
    {
        using var pdf = RenderBlocks(
            new Table(["Method", "ARI"], []) { Caption = "No rows yet" },
            new Table([], []),
            new KeyValueTable([]));
        Assert.True(pdf.PageShowing("(no rows)") > 0);
        Assert.True(pdf.PageShowing("(empty table)") > 0);
        Assert.True(pdf.PageShowing("Method") > 0);
    }

    [Fact]
    public void Empty_charts_images_and_text_render_a_placeholder()
    {
        using var pdf = RenderBlocks(
            new Heatmap("Empty matrix", [], [], []),
            new Heatmap("All missing", ["a"], ["b"], [[double.NaN]]),
            new BarChart("No bars", [], []),
            new BarChart("Missing bars", ["x", "y"], [double.NaN, double.NaN]),
            new PlotGrid([]),
            new ImageBlock(ReadOnlyMemory<byte>.Empty, 0, 0, "No pixels"),
            new ImageGrid([]),
            new Paragraph(""),
            new BulletList(),
            new Callout("", ""),
            new PageBreak(),
            new PageBreak());
        foreach (var placeholder in new[] { "No data to show", "(no image)", "n/a", "–" })
        {
            Assert.True(pdf.PageShowing(placeholder) > 0, $"'{placeholder}' not shown");
        }
    }

    [Fact]
    public void Inconsistent_table_names_the_table_and_the_row()
    {
        var table = new Table(["A", "B"], [["1", "2"], ["3"]]) { Caption = "Scores" };
        var error = Assert.Throws<ArgumentException>(() => RenderBlocks(table).Dispose());
        Assert.Contains("Table 'Scores': row 1 has 1 cells but there are 2 headers", error.Message);
    }

    [Fact]
    public void Scatter_category_outside_the_names_names_the_point()
    {
        var plot = new ScatterPlot("Bad", [0, 1, 2], [0, 1, 2], [0, 1, 2], ["a", "b"]);
        var error = Assert.Throws<ArgumentException>(() => RenderBlocks(plot).Dispose());
        Assert.Contains("Scatter plot 'Bad': point 2 has category 2, outside [0, 2)", error.Message);
    }

    [Fact]
    public void Scatter_with_arrays_of_different_lengths_is_rejected()
    {
        var plot = new ScatterPlot("Short", [0, 1], [0], [0, 0], []);
        var error = Assert.Throws<ArgumentException>(() => RenderBlocks(plot).Dispose());
        Assert.Contains("X has 2 values, Y 1 and Categories 2", error.Message);
    }

    [Fact]
    public void Image_with_the_wrong_number_of_bytes_is_rejected()
    {
        var image = new ImageBlock(new byte[10], 2, 2, "Broken");
        var error = Assert.Throws<ArgumentException>(() => RenderBlocks(image).Dispose());
        Assert.Contains("Image 'Broken': 10 pixel bytes for 2×2 pixels", error.Message);
        Assert.Contains("= 12 bytes", error.Message);
    }

    [Fact]
    public void Heatmap_row_of_the_wrong_length_is_rejected()
    {
        var heatmap = new Heatmap("Confusion", ["a", "b"], ["x", "y"], [[1, 2], [3]]);
        var error = Assert.Throws<ArgumentException>(() => RenderBlocks(heatmap).Dispose());
        Assert.Contains("Heatmap 'Confusion': row 1 has 1 values but there are 2 column labels", error.Message);
    }

    [Fact]
    public void Highlighted_row_outside_the_table_is_rejected()
    {
        var table = new Table(["A"], [["1"]]) { HighlightedRow = 1 };
        var error = Assert.Throws<ArgumentException>(() => RenderBlocks(table).Dispose());
        Assert.Contains("HighlightedRow is 1 but the table has 1 rows", error.Message);
    }
}
