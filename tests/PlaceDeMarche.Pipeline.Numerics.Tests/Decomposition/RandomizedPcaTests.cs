using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Decomposition;

public class RandomizedPcaTests
{
    [Theory]
    [InlineData(600, 300)]
    [InlineData(250, 400)]
    public void MatchesTheExactSolverOnLowRankData(int rows, int columns)
    {
        var data = LowRank(rows, columns, rank: 6, noise: 1e-3, seed: 17);
        var exact = Pca.Fit(data, PcaOptions.WithComponentCount(6) with { Solver = PcaSolver.Exact });
        var randomized = Pca.Fit(data, PcaOptions.WithComponentCount(6) with { Solver = PcaSolver.Randomized });

        for (var r = 0; r < 6; r++)
        {
            Assert.Equal(exact.ExplainedVarianceRatio[r], randomized.ExplainedVarianceRatio[r], 1e-8);
            Assert.Equal(exact.ExplainedVariance[r], randomized.ExplainedVariance[r], 1e-6 * exact.ExplainedVariance[r]);
            for (var j = 0; j < columns; j++)
            {
                Assert.Equal(exact.Components[r, j], randomized.Components[r, j], 1e-4);
            }
        }

        Assert.Equal(exact.ExplainedVarianceRatio.Sum(), randomized.ExplainedVarianceRatio.Sum(), 1e-8);
        for (var index = 0; index < exact.Projection.Data.Length; index++)
        {
            Assert.Equal(exact.Projection.Data[index], randomized.Projection.Data[index], 1e-3);
        }
    }

    [Fact]
    public void IsDeterministicAndChosenAutomaticallyForLargeData()
    {
        var data = LowRank(300, 120, rank: 4, noise: 0.1, seed: 3);
        var options = PcaOptions.WithComponentCount(4) with { RandomizedThreshold = 100 };
        var first = Pca.Fit(data, options);
        var second = Pca.Fit(data, options);
        Assert.Equal(first.Projection.Data, second.Projection.Data);
        Assert.Equal(first.ExplainedVarianceRatio, second.ExplainedVarianceRatio);

        // Above the threshold Auto is the randomized solver (bit for bit); the exact one rounds differently.
        Assert.Equal(first.SingularValues, Pca.Fit(data, options with { Solver = PcaSolver.Randomized }).SingularValues);
        Assert.NotEqual(first.SingularValues, Pca.Fit(data, options with { Solver = PcaSolver.Exact }).SingularValues);
        Assert.Throws<ArgumentException>(() => Pca.Fit(data, PcaOptions.WithVarianceRatio(0.9) with { Solver = PcaSolver.Randomized }));
    }

    /// <summary>rows × columns data of the given rank (scales 10, 9, 8, …) plus Gaussian noise, with a non-zero mean.</summary>
    private static DenseMatrix LowRank(int rows, int columns, int rank, double noise, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var factors = new double[rank * columns];
        for (var index = 0; index < factors.Length; index++)
        {
            factors[index] = random.NextGaussian() / Math.Sqrt(columns);
        }

        var data = new DenseMatrix(rows, columns);
        for (var i = 0; i < rows; i++)
        {
            var scores = Enumerable.Range(0, rank).Select(r => (10.0 - r) * random.NextGaussian()).ToArray();
            for (var j = 0; j < columns; j++)
            {
                var value = 3.0 + noise * random.NextGaussian();
                for (var r = 0; r < rank; r++)
                {
                    value += scores[r] * factors[r * columns + j];
                }

                data[i, j] = (float)value;
            }
        }

        return data;
    }
}
