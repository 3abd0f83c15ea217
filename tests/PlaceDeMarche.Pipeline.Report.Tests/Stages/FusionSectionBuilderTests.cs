using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Stages;

namespace PlaceDeMarche.Pipeline.Report.Tests.Stages;

public sealed class FusionSectionBuilderTests
{
    private static RepresentationScores Fusion(string label, double ari) => new(
        label,
        new ClusterAssignmentTable(["p1", "p2", "p3"], ["Home", "Home", "Kitchen"], [1, 1, 0], new float[3], new float[3]),
        new Dictionary<string, double> { ["ari_mean"] = ari, ["ari_std"] = 0.01, ["nmi_mean"] = 0.5, ["matched_accuracy_mean"] = 0.9 });

    [Fact]
    public void Every_fusion_is_listed_with_the_naive_one_and_the_best_is_drawn()
    {
        var notRun = new RepresentationScores("Consensus (co-association)", new ClusterAssignmentTable([], [], [], [], []), new Dictionary<string, double>()) { NotRunNote = "non exécuté : aucune représentation à fusionner" };
        var section = FusionSectionBuilder.Build(
            [Fusion("Fusion à parts de variance égales", 0.81), notRun, Fusion("Concaténation brute", 0.12)],
            new Dictionary<string, double> { ["text:text.combined"] = 0.5, ["image:image.cnn-mobilenet"] = 0.25, ["image:image.cnn-resnet"] = 0.25 },
            ["Home", "Kitchen"]);

        var tables = section.Blocks.OfType<Table>().ToArray();
        Assert.Equal(["image", "image.cnn-resnet", "25,0 %"], tables[0].Rows[2]);
        Assert.Equal(["Fusion à parts de variance égales", "0,810 ± 0,010", "0,500", "90,0 %", "3"], tables[1].Rows[0]);
        Assert.Equal(["Consensus (co-association)", "non exécuté : aucune représentation à fusionner", "—", "—", "—"], tables[1].Rows[1]);
        Assert.Equal("0,120 ± 0,010", tables[1].Rows[2][1]);
        Assert.Equal(0, tables[1].HighlightedRow);
        Assert.StartsWith("Fusion à parts de variance égales", section.Blocks.OfType<PlotGrid>().Single().Plots[0].Title, StringComparison.Ordinal);
    }
}
