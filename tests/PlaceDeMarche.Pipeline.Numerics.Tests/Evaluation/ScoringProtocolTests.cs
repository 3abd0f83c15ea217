using PlaceDeMarche.Pipeline.Numerics.Evaluation;
using PlaceDeMarche.Pipeline.Numerics.Manifold;
using PlaceDeMarche.Pipeline.Numerics.Stages;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Evaluation;

public sealed class ScoringProtocolTests
{
    [Fact]
    public void SeparatedCategoriesAreRecoveredPerfectly()
    {
        var (data, labels) = SyntheticData.FarBlobs(dimensions: 20, perBlob: 30, seed: 5);

        var result = ScoringProtocol.Score(data, labels, Protocol(pcaComponents: 10, tsneIterations: 500), seed: 1);

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

        var result = ScoringProtocol.Score(data, shuffled, Protocol(pcaComponents: 10, tsneIterations: 300), seed: 1);

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

    [Fact]
    public void SeveralSeedsAreScoredDeterministicallyWithTheirSpread()
    {
        var (data, labels) = SyntheticData.FarBlobs(dimensions: 20, perBlob: 20, seed: 3);
        var options = Protocol(pcaComponents: 10, tsneIterations: 300) with { Seeds = 3, TSneInitialization = TSneInitialization.Random };

        var first = ScoringProtocol.ScoreOverSeeds(data, labels, options, seed: 7);
        var second = ScoringProtocol.ScoreOverSeeds(data, labels, options, seed: 7);

        Assert.Equal(3, first.Runs.Count);
        Assert.NotEqual(first.Runs[0].TSneX, first.Runs[1].TSneX);
        Assert.Equal(first.Runs[2].TSneX, second.Runs[2].TSneX);
        Assert.Equal(1.0, first.Mean(r => r.AdjustedRandIndex), 12);
        Assert.Equal(0.0, first.StandardDeviation(r => r.AdjustedRandIndex), 12);

        // Seeds run in parallel, yet each run is the one a lone Score call with that seed gives.
        for (var i = 0; i < 3; i++)
        {
            var alone = ScoringProtocol.Score(data, labels, options, seed: 7 + i);
            Assert.Equal(alone.TSneX, first.Runs[i].TSneX);
            Assert.Equal(alone.TSneY, first.Runs[i].TSneY);
            Assert.Equal(alone.Clusters, first.Runs[i].Clusters);
            Assert.Equal(alone.KullbackLeiblerDivergence, first.Runs[i].KullbackLeiblerDivergence);
        }
    }

    [Fact]
    public void SpreadIsThePopulationStandardDeviation()
    {
        var runs = new[] { 0.2, 0.4, 0.9 }.Select(ari => ResultWithAri(ari)).ToArray();

        var scores = new SeededScores(runs);

        // numpy.std([0.2, 0.4, 0.9]) = 0.29439202887759486
        Assert.Equal(0.5, scores.Mean(r => r.AdjustedRandIndex), 12);
        Assert.Equal(0.29439202887759486, scores.StandardDeviation(r => r.AdjustedRandIndex), 12);
    }

    private static ScoringResult ResultWithAri(double ari) => new()
    {
        TSneX = [],
        TSneY = [],
        Clusters = [],
        AdjustedRandIndex = ari,
        NormalizedMutualInformation = 0,
        Homogeneity = 0,
        Completeness = 0,
        Silhouette = 0,
        MatchedAccuracy = 0,
        ConfusionMatrix = new long[0, 0],
        FeatureSpaceAdjustedRandIndex = 0,
        PcaComponents = 0,
        PcaExplainedVarianceRatio = 0,
        Perplexity = 0,
        KullbackLeiblerDivergence = 0,
    };

    /// <summary>The study's protocol (pipeline.yaml's <c>analysis</c>) on small data: one seed from a PCA start, fewer components and iterations.</summary>
    private static ScoringOptions Protocol(int pcaComponents, int tsneIterations) =>
        StudyConfiguration.Bind<AnalysisParameters>("analysis").ToScoringOptions() with
        {
            PcaComponents = pcaComponents,
            TSneIterations = tsneIterations,
            Seeds = 1,
            TSneInitialization = TSneInitialization.Pca,
        };
}
