using PlaceDeMarche.Pipeline.Numerics.Clustering;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Manifold;
using PlaceDeMarche.Pipeline.Numerics.Metrics;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Manifold;

public class TSneTests
{
    [Theory]
    [InlineData(TSneInitialization.Pca)]
    [InlineData(TSneInitialization.Random)]
    public void KeepsFarBlobsApart(TSneInitialization initialization)
    {
        var (data, truth) = SyntheticData.FarBlobs(10, 40, 6);
        var result = TSne.Fit(data, new TSneOptions { Perplexity = 15, Initialization = initialization, Seed = 1 });
        Assert.Equal(120, result.Embedding.Rows);
        Assert.Equal(2, result.Embedding.Columns);
        var clusters = KMeans.Fit(result.Embedding, new KMeansOptions { ClusterCount = 3, Seed = 0 });
        Assert.Equal(1.0, AdjustedRandIndex.Compute(truth, clusters.Labels.ToArray()));
        Assert.Equal(1000, result.Iterations);
        Assert.InRange(result.KullbackLeiblerDivergence, 0.0, 2.0);

        // Every point's nearest embedded neighbour comes from its own blob.
        for (var i = 0; i < result.Embedding.Rows; i++)
        {
            var nearest = Enumerable.Range(0, result.Embedding.Rows)
                .Where(j => j != i)
                .MinBy(j => Distance(result.Embedding, i, j));
            Assert.Equal(truth[i], truth[nearest]);
        }
    }

    [Fact]
    public void SameSeedGivesIdenticalEmbedding()
    {
        var (data, _) = SyntheticData.FarBlobs(5, 25, 3);
        var options = new TSneOptions { Perplexity = 10, Initialization = TSneInitialization.Random, Seed = 5, MaxIterations = 400 };
        var first = TSne.Fit(data, options);
        var second = TSne.Fit(data, options);
        var other = TSne.Fit(data, options with { Seed = 6 });
        Assert.Equal(first.Embedding.Data, second.Embedding.Data);
        Assert.Equal(first.KullbackLeiblerDivergence, second.KullbackLeiblerDivergence);
        Assert.NotEqual(first.Embedding.Data, other.Embedding.Data);
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(30.0)]
    public void ConditionalProbabilitiesHaveRequestedPerplexity(double perplexity)
    {
        var (data, _) = SyntheticData.FarBlobs(4, 40, 12);
        var n = data.Rows;
        var probabilities = PerplexityCalibration.ConditionalProbabilities(
            PairwiseDistances.SquaredEuclidean(data), n, perplexity);
        for (var i = 0; i < n; i++)
        {
            var row = probabilities.AsSpan(i * n, n);
            Assert.Equal(0.0, row[i]);
            var entropy = 0.0;
            var sum = 0.0;
            foreach (var p in row)
            {
                sum += p;
                entropy -= p > 0 ? p * Math.Log(p) : 0.0;
            }

            Assert.Equal(1.0, sum, 10);
            Assert.Equal(perplexity, Math.Exp(entropy), perplexity * 1e-4);
        }
    }

    [Fact]
    public void PairwiseDistancesMatchDirectComputation()
    {
        var data = DenseMatrix.FromRows([[1, 2, 3], [4, 6, 3], [0, 0, 0]]);
        var distances = PairwiseDistances.SquaredEuclidean(data);
        Assert.Equal([0, 25, 14, 25, 0, 61, 14, 61, 0], distances.Select(d => Math.Round(d, 9)));
    }

    [Fact]
    public void RejectsPerplexityNotBelowSampleCount()
    {
        var (data, _) = SyntheticData.FarBlobs(3, 3, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => TSne.Fit(data, new TSneOptions { Perplexity = 9 }));
    }

    private static double Distance(DenseMatrix embedding, int i, int j) =>
        Math.Pow(embedding[i, 0] - embedding[j, 0], 2) + Math.Pow(embedding[i, 1] - embedding[j, 1], 2);
}
