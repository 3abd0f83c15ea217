using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Stages;

namespace PlaceDeMarche.Pipeline.Report.Tests.Stages;

public sealed class TransferLearningSectionBuilderTests
{
    private static readonly string[] Categories = ["Home", "Kitchen", "Toys"];

    private static RepresentationScores Sift() => new("SIFT", new ClusterAssignmentTable([], [], [], [], []), new Dictionary<string, double> { ["ari_mean"] = 0.04, ["ari_std"] = 0.01 }) { Method = "sift" };

    private static ImageStudyInput Images(params RepresentationScores[] scores) => new([], [], new KeypointTable("", [], [], [], []), null, [Sift(), .. scores])
    {
        // Each product's thumbnail is one pixel whose red value is its number, so the test can tell which were shown.
        Photo = id => new PreprocessedImage(1, 1, [0], 1, 1, [byte.Parse(id[1..]), 0, 0]),
    };

    /// <summary>Six products: clusters 4 → Home, 8 → Kitchen, 2 → Toys; p3 (Home) and p6 (Toys) are in Kitchen's cluster.</summary>
    private static RepresentationScores Cnn() => new(
        "MobileNetV2",
        new ClusterAssignmentTable(
            ["p1", "p2", "p3", "p4", "p5", "p6", "p7"],
            ["Home", "Home", "Home", "Kitchen", "Kitchen", "Toys", "Toys"],
            [4, 4, 8, 8, 8, 8, 2],
            new float[7],
            new float[7]),
        new Dictionary<string, double> { ["ari_mean"] = 0.5123, ["ari_std"] = 0.01, ["nmi_mean"] = 0.6, ["matched_accuracy_mean"] = 0.714, ["seeds"] = 10 })
    {
        Method = "cnn-mobilenet",
    };

    [Fact]
    public void Without_a_cnn_model_the_section_says_not_run()
    {
        var section = TransferLearningSectionBuilder.Build(Images(), Categories);

        var callout = section.Blocks.OfType<Callout>().Single();
        Assert.StartsWith("Non exécuté : modèle indisponible", string.Concat(callout.Body.Runs.Select(r => r.Text)), StringComparison.Ordinal);
        Assert.Empty(section.Blocks.OfType<Heatmap>());
    }

    [Fact]
    public void A_registered_model_that_did_not_run_gives_its_own_note()
    {
        var notRun = new RepresentationScores("ResNet", new ClusterAssignmentTable([], [], [], [], []), new Dictionary<string, double>())
        {
            Method = "cnn-resnet",
            NotRunNote = "non exécuté : modèle absent",
        };

        var section = TransferLearningSectionBuilder.Build(Images(notRun), Categories);

        Assert.StartsWith("Non exécuté : modèle absent", string.Concat(section.Blocks.OfType<Callout>().Single().Body.Runs.Select(r => r.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_model_gets_maps_a_labelled_confusion_matrix_and_agreement_per_category()
    {
        var section = TransferLearningSectionBuilder.Build(Images(Cnn()), Categories);

        var maps = section.Blocks.OfType<PlotGrid>().Single();
        Assert.Equal([0, 0, 0, 1, 1, 2, 2], maps.Plots[0].Categories);
        Assert.Equal([0, 0, 1, 1, 1, 1, 2], maps.Plots[1].Categories);
        var confusion = section.Blocks.OfType<Heatmap>().Single();
        Assert.Equal("nombre de produits", confusion.ColorBarLabel);
        Assert.Equal([2.0, 1, 0], confusion.Values[0]);
        Assert.Equal([0.0, 1, 1], confusion.Values[2]);
        var agreement = section.Blocks.OfType<Table>().Single(t => t.Headers[0] == "Catégorie");
        Assert.Equal(["Home", "3", "2", "66,7 %", "Kitchen (1)"], agreement.Rows[0]);
        Assert.Equal(["Kitchen", "2", "2", "100,0 %", "—"], agreement.Rows[1]);
        Assert.Contains("0,512, au-dessus du meilleur descripteur classique (SIFT, 0,040)", string.Join(" ", section.Blocks.OfType<Paragraph>().Select(p => string.Concat(p.Runs.Select(r => r.Text)))), StringComparison.Ordinal);
    }

    [Fact]
    public void Mix_ups_are_illustrated_with_the_confused_products_photos()
    {
        var section = TransferLearningSectionBuilder.Build(Images(Cnn()), Categories);

        var grids = section.Blocks.OfType<ImageGrid>().ToArray();
        Assert.Equal(2, grids.Length);
        Assert.Equal([3], grids[0].Images.Select(i => (int)i.Rgb24.Span[0]));
        Assert.Contains("1 produit « Home » dans le groupe « Kitchen »", grids[0].Caption, StringComparison.Ordinal);
        Assert.Equal([6], grids[1].Images.Select(i => (int)i.Rgb24.Span[0]));
    }
}
