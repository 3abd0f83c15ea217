using PlaceDeMarche.Pipeline.Supervised.Evaluation;

namespace PlaceDeMarche.Pipeline.Supervised.Tests;

public sealed class LateFusionTests
{
    [Fact]
    public void TheWeightIsChosenOnInnerProbabilitiesNotOnTheTestRows()
    {
        int[] labels = [0, 1, 0, 1];
        // Inner rows 0 and 1: only the first model is right. Test rows 2 and 3: only the second model is right.
        var first = Result(inner: [[0.9f, 0.1f], [0.2f, 0.8f]], test: [[0.1f, 0.9f], [0.9f, 0.1f]]);
        var second = Result(inner: [[0.1f, 0.9f], [0.8f, 0.2f]], test: [[0.9f, 0.1f], [0.1f, 0.9f]]);

        var fused = LateFusion.Combine("late", first, second, labels, [0.0, 0.5, 1.0]);

        Assert.Equal(1.0, fused.Folds[0].Chosen);
        Assert.Equal(0.0, fused.MeanAccuracy(labels));
    }

    private static CrossValidationResult Result(float[][] inner, float[][] test) => new("m",
    [
        new FoldOutcome(1, 1, new Dictionary<int, float[]> { [2] = test[0], [3] = test[1] }, new Dictionary<int, float[]> { [0] = inner[0], [1] = inner[1] }, [], 0, 0),
    ]);
}
