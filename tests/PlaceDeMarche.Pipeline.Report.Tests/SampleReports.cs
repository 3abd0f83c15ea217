using System.Globalization;
using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Tests;

/// <summary>Report models used by the tests: one with every block type, and small ones around a single block.</summary>
internal static class SampleReports
{
    public static readonly DateTimeOffset StudyDate = new(2024, 3, 15, 9, 30, 0, TimeSpan.Zero);

    public static readonly string[] Categories =
    [
        "Baby Care", "Beauty and Personal Care", "Computers", "Home Decor & Festive Needs",
        "Home Furnishing", "Kitchen & Dining", "Watches",
    ];

    public const string LongParagraphMarker = "Wrapping-check-sentence";

    public static ReportDocument Full() => new("Automatic product categorisation: feasibility study", StudyDate,
    [
        new ReportSection("Summary for management",
        [
            Paragraph.FromMarkup("The question is whether **photos and descriptions** are enough to assign a product to its category " +
                                 "*without* manual work. " + LongText(6)),
            new Callout("Verdict: feasible", Paragraph.FromMarkup("Text features separate the **7 categories** well (ARI 0.52); " +
                "images add information. We recommend a supervised pilot.")) { Tone = CalloutTone.Positive },
            new BulletList("Text: TF-IDF and embeddings cluster products by category.",
                "Images: SIFT bag of visual words is weaker; CNN features are clearly better.",
                "Next step: a supervised classifier on a labelled sample of " + LongText(1)),
            new BulletList("Collect labels", "Train", "Deploy") { Numbered = true },
        ])
        {
            Subsections =
            [
                new ReportSection("Data", [new KeyValueTable(
                [
                    new("Products", "1050"), new("Categories", "7"), new("Source", "Flipkart archive (CC BY-SA 4.0)"),
                    new("Pipeline version", "0.1.0"),
                ]) { Caption = "Dataset at a glance" }]),
            ],
        },
        new ReportSection("Text features",
        [
            new Paragraph(LongText(12)),
            LongTable(60),
            new BarChart("Adjusted Rand index by method", ["TF-IDF", "Word2Vec", "BERT", "USE", "Bag of words", "Not computed"],
                [0.45, 0.38, 0.52, 0.49, -0.02, double.NaN]) { ValueLabel = "ARI", HighlightedBar = 2, Caption = "Higher is better." },
        ]),
        new ReportSection("Projections",
        [
            Scatter(1050, 7, "t-SNE of TF-IDF features", seed: 1) with { Caption = "1050 products coloured by their true category." },
            new PlotGrid([Scatter(300, 7, "TF-IDF", 2), Scatter(300, 7, "BERT", 3), Scatter(300, 7, "SIFT", 4), Scatter(300, 7, "CNN", 5)])
            {
                Columns = 2,
                Caption = "Four feature sets side by side.",
            },
            Scatter(260, 13, "Thirteen categories: marker shapes beyond ten colours", seed: 6),
            ConfusionMatrix(),
        ])
        {
            StartOnNewPage = true,
        },
        new ReportSection("Images",
        [
            new ImageBlock(Gradient(120, 80), 120, 80, "A synthetic gradient standing in for a product photo."),
            new ImageGrid(Enumerable.Range(0, 7).Select(i => new ImageBlock(Gradient(64, 48 + 8 * i), 64, 48 + 8 * i,
                Categories[i] + " sample thumbnail with a long caption")).ToArray())
            {
                Columns = 4,
                Caption = "One thumbnail per category.",
            },
            new PageBreak(),
            new Paragraph("After a page break."),
        ]),
    ])
    {
        Subtitle = "Can photos and descriptions replace manual category assignment?",
        Author = "Data science team, Place de marché",
        IsSampleData = true,
    };

    public static string LongText(int sentences) => string.Join(" ", Enumerable.Range(1, sentences).Select(i =>
        $"{LongParagraphMarker} {i} explains one more aspect of the study so that the paragraph has to wrap over several lines of the page."));

    public static Table LongTable(int rows) => new(["#", "Product", "Category", "Score"],
        Enumerable.Range(0, rows).Select(r => (IReadOnlyList<string>)
        [
            (r + 1).ToString(CultureInfo.InvariantCulture),
            r % 9 == 0 ? "A product name long enough to need two lines in its cell, such as a cotton double bedsheet set" : $"Product {r + 1}",
            Categories[r % Categories.Length],
            (0.5 + r / 200.0).ToString("0.000", CultureInfo.InvariantCulture),
        ]).ToArray())
    {
        Caption = "Per-product scores",
        Alignments = [ColumnAlignment.Right, ColumnAlignment.Left, ColumnAlignment.Left, ColumnAlignment.Right],
        HighlightedRow = 3,
    };

    /// <summary>Points drawn around one centre per category, with a fixed seed.</summary>
    public static ScatterPlot Scatter(int count, int categoryCount, string title, int seed)
    {
        var random = new Random(seed);
        var x = new double[count];
        var y = new double[count];
        var categories = new int[count];
        for (var i = 0; i < count; i++)
        {
            var category = i % categoryCount;
            var angle = 2 * Math.PI * category / categoryCount;
            categories[i] = category;
            x[i] = 40 * Math.Cos(angle) + 9 * Gaussian(random);
            y[i] = 40 * Math.Sin(angle) + 9 * Gaussian(random);
        }

        var names = Enumerable.Range(0, categoryCount).Select(c => c < Categories.Length ? Categories[c] : $"Category {c + 1}").ToArray();
        return new ScatterPlot(title, x, y, categories, names) { XLabel = "t-SNE 1", YLabel = "t-SNE 2" };
    }

    public static Heatmap ConfusionMatrix()
    {
        var values = Enumerable.Range(0, 7).Select(r => (IReadOnlyList<double>)Enumerable.Range(0, 7)
            .Select(c => r == c ? 120.0 + 5 * r : (r * 7 + c) % 5 * 3.0).ToArray()).ToArray();
        return new Heatmap("Confusion matrix (k-means on TF-IDF)", Categories, Categories, values)
        {
            RowAxisLabel = "True category",
            ColumnAxisLabel = "Predicted cluster",
            ValueFormat = "0",
            Caption = "Counts of products.",
        };
    }

    public static byte[] Gradient(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                var offset = (row * width + column) * 3;
                pixels[offset] = (byte)(255 * column / Math.Max(width - 1, 1));
                pixels[offset + 1] = (byte)(255 * row / Math.Max(height - 1, 1));
                pixels[offset + 2] = 128;
            }
        }

        return pixels;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
