using PlaceDeMarche.Pipeline.Numerics.Clustering;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Manifold;
using PlaceDeMarche.Pipeline.Numerics.Metrics;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Manifold;

public class TSneTests
{
    [Fact]
    public void SharedAffinitiesGiveTheSameEmbeddingAsComputingThemAndMustMatchTheData()
    {
        var (data, _) = SyntheticData.FarBlobs(10, 20, 4);
        var options = new TSneOptions { Perplexity = 10, Initialization = TSneInitialization.Random, Seed = 3, MaxIterations = 300 };
        var affinities = TSneAffinities.Compute(data, 10);

        Assert.Equal(TSne.Fit(data, options).Embedding.Data, TSne.Fit(data, affinities, options).Embedding.Data);
        Assert.Throws<ArgumentException>(() => TSne.Fit(data, affinities, options with { Perplexity = 12 }));
        var (other, _) = SyntheticData.FarBlobs(10, 21, 4);
        Assert.Throws<ArgumentException>(() => TSne.Fit(other, affinities, options));
    }

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

    [Fact]
    public void ConcurrentRunsGiveTheSequentialEmbedding()
    {
        var (data, _) = SyntheticData.FarBlobs(5, 25, 3);
        var options = new TSneOptions { Perplexity = 10, Initialization = TSneInitialization.Random, MaxIterations = 300 };
        var sequential = Enumerable.Range(0, 4).Select(seed => TSne.Fit(data, options with { Seed = seed }).Embedding.Data).ToArray();
        var concurrent = new float[4][];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, seed => concurrent[seed] = TSne.Fit(data, options with { Seed = seed }).Embedding.Data);
        Assert.Equal(sequential, concurrent);
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(30.0)]
    public void ConditionalProbabilitiesHaveRequestedPerplexity(double perplexity)
    {
        // Squared distances of 20 points to 91 neighbours, rising from 0.5 with a row-dependent slope.
        const int rows = 20, neighbours = 91;
        var distances = new double[rows * neighbours];
        for (var i = 0; i < rows; i++)
        {
            for (var e = 0; e < neighbours; e++)
            {
                distances[i * neighbours + e] = 0.5 + e * (0.05 + 0.01 * i);
            }
        }

        var probabilities = PerplexityCalibration.ConditionalProbabilities(distances, rows, neighbours, perplexity);
        for (var i = 0; i < rows; i++)
        {
            var row = probabilities.AsSpan(i * neighbours, neighbours);
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
    public void RejectsPerplexityAboveNeighbourCount()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PerplexityCalibration.ConditionalProbabilities(new double[6], 2, 3, 3.5));
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
