using PlaceDeMarche.Pipeline.Numerics.Evaluation;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Evaluation;

public sealed class ScoringProtocolTests
{
    [Fact]
    public void SeparatedCategoriesAreRecoveredPerfectly()
    {
        var (data, labels) = SyntheticData.FarBlobs(dimensions: 20, perBlob: 30, seed: 5);

        var result = ScoringProtocol.Score(data, labels, new ScoringOptions { PcaComponents = 10, TSneIterations = 500 }, seed: 1);

        Assert.Equal(1.0, result.AdjustedRandIndex, 12);
        Assert.Equal(1.0, result.FeatureSpaceAdjustedRandIndex, 12);
        Assert.Equal(1.0, result.MatchedAccuracy, 12);
        Assert.InRange(result.Silhouette, 0.5, 1.0);
        Assert.Equal(data.Rows, result.TSneX.Length);
        Assert.Equal(10, result.PcaComponents);
        long diagonal = 0;
        for (var i = 0; i < result.ConfusionMatrix.GetLength(0); i++)
        {
            diagonal += result.ConfusionMatrix[i, i];
        }

        Assert.Equal(data.Rows, diagonal);
    }

    [Fact]
    public void LabelsUnrelatedToTheDataScoreNearZero()
    {
        var (data, _) = SyntheticData.FarBlobs(dimensions: 20, perBlob: 30, seed: 5);
        var shuffled = Enumerable.Range(0, data.Rows).Select(i => (i * 7) % 3).ToArray();

        var result = ScoringProtocol.Score(data, shuffled, new ScoringOptions { PcaComponents = 10, TSneIterations = 300 }, seed: 1);

        Assert.InRange(result.AdjustedRandIndex, -0.1, 0.1);
    }

    [Theory]
    [InlineData(30, 1050, 30)]
    [InlineData(30, 35, 34.0 / 3)]
    [InlineData(30, 3, 1)]
    public void PerplexityIsLoweredOnlyForSmallSamples(double configured, int rows, double expected)
    {
        Assert.Equal(expected, ScoringProtocol.EffectivePerplexity(configured, rows), 12);
    }
}
