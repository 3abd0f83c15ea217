using PlaceDeMarche.Pipeline.Supervised.Evaluation;

namespace PlaceDeMarche.Pipeline.Supervised.Tests;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void MatchesAHandComputedExample()
    {
        // True 0,0,1,1; predicted 0,1,1,1.
        int[] labels = [0, 0, 1, 1];
        float[][] probabilities = [[0.9f, 0.1f], [0.4f, 0.6f], [0.2f, 0.8f], [0.3f, 0.7f]];

        var metrics = ClassificationMetrics.Compute(labels, probabilities, 2);

        Assert.Equal(0.75, metrics.Accuracy);
        Assert.Equal([1.0, 2.0 / 3.0], metrics.Precision);
        Assert.Equal([0.5, 1.0], metrics.Recall);
        Assert.Equal((2.0 / 3.0 + 0.8) / 2, metrics.MacroF1, 10);
        Assert.Equal([1, 1], metrics.Confusion[0]);
        Assert.Equal([0, 2], metrics.Confusion[1]);
        // Brier: mean over rows of the squared distances to the one-hot truth.
        Assert.Equal((2 * 0.01 + 2 * 0.36 + 2 * 0.04 + 2 * 0.09) / 4, metrics.Brier, 6);
    }
}
