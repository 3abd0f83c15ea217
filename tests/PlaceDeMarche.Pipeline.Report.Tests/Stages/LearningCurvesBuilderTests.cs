using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Stages;

namespace PlaceDeMarche.Pipeline.Report.Tests.Stages;

public sealed class LearningCurvesBuilderTests
{
    [Fact]
    public void ARisingValidationLossIsReadAsOverfittingCutByEarlyStopping()
    {
        // Validation loss is lowest at epoch 3 and then climbs 50 %, training loss keeps falling.
        var input = Input("image_mlp", [(1.0, 1.2), (0.6, 0.8), (0.4, 0.6), (0.2, 0.7), (0.1, 0.9)], kept: 3);

        var text = LearningCurvesBuilder.Reading(input, "image_mlp", "Image, MLP", Metrics(train: 0.99, cv: 0.82));

        Assert.Contains("vers l'époque 3,0", text);
        Assert.Contains("remonte de 50 %", text);
        Assert.Contains("sur-apprentissage, que l'arrêt précoce coupe", text);
        Assert.Contains("écart 0,200", text);
        Assert.Contains("17,0 points d'écart", text);
        Assert.Contains("malgré le dropout de 0,5 et la décroissance des poids de 0,0001", text);
    }

    [Fact]
    public void AValidationLossStillFallingAtTheLastEpochIsSaid()
    {
        var input = Input("image_mlp", [(1.0, 1.2), (0.8, 1.0), (0.7, 0.9)], kept: 3);

        var text = LearningCurvesBuilder.Reading(input, "image_mlp", "Image, MLP", Metrics(train: 0.85, cv: 0.82));

        Assert.Contains("baissait encore", text);
        Assert.Contains("sous-apprentissage", text);
        Assert.DoesNotContain("remonte", text);
    }

    [Fact]
    public void TheSectionDrawsOneConnectedCurvePerLossAndListsTheChosenSettings()
    {
        var input = Input("image_mlp", [(1.0, 1.2), (0.6, 0.8), (0.4, 0.9)], kept: 2);

        var blocks = LearningCurvesBuilder.Build(input, m => m, Metrics(train: 0.95, cv: 0.8));

        var grid = Assert.Single(blocks.OfType<PlotGrid>());
        var plot = Assert.Single(grid.Plots);
        Assert.True(plot.ConnectCategories);
        Assert.Equal([1.2, 0.8, 0.9], plot.Y.Skip(3));
        var table = Assert.Single(blocks.OfType<Table>());
        Assert.Equal(["image_mlp", "1", "64", "0,5", "0,0001", "0,003", "0", "2 / 3"], table.Rows[0]);
    }

    private static Func<string, string, double> Metrics(double train, double cv) =>
        (_, key) => key switch { "train_accuracy_mean" => train, "cv_accuracy_mean" => cv, _ => double.NaN };

    private static SupervisedStudyInput Input(string model, (double Train, double Validation)[] losses, int kept) => new(
        new Dictionary<string, double>(),
        [(model, "cnn-mobilenetv2")],
        "text",
        [],
        [],
        [],
        [.. losses.Select((l, i) => (model, 0, i + 1, l.Train, l.Validation, 0.8, i + 1 == kept))],
        [(model, 0, "hidden=64 dropout=0.5 weight_decay=0.0001 learning_rate=0.003 copies=0", kept)]);
}
