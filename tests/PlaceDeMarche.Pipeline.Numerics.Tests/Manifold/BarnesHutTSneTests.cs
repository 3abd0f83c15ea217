using PlaceDeMarche.Pipeline.Numerics.Clustering;
using PlaceDeMarche.Pipeline.Numerics.Manifold;
using PlaceDeMarche.Pipeline.Numerics.Metrics;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Manifold;

public class BarnesHutTSneTests
{
    [Theory]
    [InlineData(0.01, 1e-4)]
    [InlineData(0.5, 0.05)]
    public void GradientApproachesTheExactOneAsThetaShrinks(double theta, double tolerance)
    {
        var (data, _) = SyntheticData.FarBlobs(8, 200, 4);
        var joint = TSneAffinities.Compute(data, new TSneOptions { Perplexity = 30, Method = TSneMethod.Exact }).Joint;
        var random = new Xoshiro256StarStar(9);
        var positions = new double[2 * data.Rows];
        for (var c = 0; c < positions.Length; c++)
        {
            positions[c] = 5 * random.NextGaussian();
        }

        var exact = new double[positions.Length];
        var approximate = new double[positions.Length];
        using var kernels = new CpuTSneGradientKernels(joint, parallel: true);
        var exactDivergence = new ExactGradient(joint.Rows, kernels).Evaluate(positions, 1.0, exact, computeDivergence: true);
        var approximateDivergence = new BarnesHutGradient(joint.Rows, theta, kernels).Evaluate(positions, 1.0, approximate, computeDivergence: true);

        Assert.True(Comparison.RelativeDifference(exact, approximate) < tolerance, $"relative gradient difference {Comparison.RelativeDifference(exact, approximate)}");
        Assert.Equal(exactDivergence, approximateDivergence, tolerance * exactDivergence);
    }

    [Fact]
    public void DivergenceAndClustersMatchTheExactMethod()
    {
        var (data, truth) = SyntheticData.FarBlobs(10, 200, 6);
        var options = new TSneOptions { Perplexity = 30, Initialization = TSneInitialization.Random, Seed = 2 };
        var exact = TSne.Fit(data, options with { Method = TSneMethod.Exact });
        var barnesHut = TSne.Fit(data, options with { Method = TSneMethod.BarnesHut });

        Assert.Equal(exact.KullbackLeiblerDivergence, barnesHut.KullbackLeiblerDivergence, 0.05 * exact.KullbackLeiblerDivergence);
        var clusters = KMeans.Fit(barnesHut.Embedding, new KMeansOptions { ClusterCount = 3, Seed = 0 });
        Assert.Equal(1.0, AdjustedRandIndex.Compute(truth, clusters.Labels.ToArray()));
    }

    [Fact]
    public void RunsAreIdenticalWhateverTheThreadScheduling()
    {
        var (data, _) = SyntheticData.FarBlobs(10, 300, 7);
        var options = new TSneOptions { Perplexity = 20, Initialization = TSneInitialization.Random, Seed = 4, MaxIterations = 300, Method = TSneMethod.BarnesHut };
        var first = TSne.Fit(data, options);

        // The second run shares the cores with two other fits, so its chunks land on other threads in another order.
        var runs = new TSneResult[3];
        Parallel.For(0, 3, new ParallelOptions { MaxDegreeOfParallelism = 3 }, r => runs[r] = TSne.Fit(data, options));
        foreach (var run in runs)
        {
            Assert.Equal(first.Embedding.Data, run.Embedding.Data);
            Assert.Equal(first.KullbackLeiblerDivergence, run.KullbackLeiblerDivergence);
        }
    }

    [Fact]
    public void AutoChoosesByTheNumberOfSamples()
    {
        var options = new TSneOptions { BarnesHutThreshold = 100 };
        Assert.Equal(TSneMethod.Exact, options.ResolveMethod(99));
        Assert.Equal(TSneMethod.BarnesHut, options.ResolveMethod(100));
        Assert.Equal(TSneMethod.Exact, (options with { Method = TSneMethod.Exact }).ResolveMethod(1_000_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => TSne.Fit(SyntheticData.FarBlobs(4, 20, 1).Data, new TSneOptions { Perplexity = 5, Theta = 0.9 }));
    }
}
