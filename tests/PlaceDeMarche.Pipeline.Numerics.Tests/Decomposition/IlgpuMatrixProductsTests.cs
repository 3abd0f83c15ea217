using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;
using PlaceDeMarche.Pipeline.Numerics.Tests.Compute;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Decomposition;

/// <summary>PCA with the ILGPU products against the CPU code, on ILGPU's CPU accelerator here.</summary>
[Collection(IlgpuCollection.Name)]
public class IlgpuMatrixProductsTests(IlgpuBackendFixture fixture)
{
    [Theory]
    [InlineData(40, 60, PcaSolver.Exact, 10)]       // fewer rows than features: the Gram matrix
    [InlineData(600, 24, PcaSolver.Exact, 8)]       // the scatter matrix
    [InlineData(500, 80, PcaSolver.Randomized, 6)]  // the range finder's X·Ω and Xᵀ·Y
    public void ExplainedVarianceEqualsTheCpuCodeWithin1e4(int rows, int features, PcaSolver solver, int components)
    {
        var data = Correlated(rows, features, seed: (ulong)(rows + features));
        var options = PcaOptions.WithComponentCount(components) with { Solver = solver, Seed = 1 };

        var cpu = Pca.Fit(data, options);
        var ilgpu = Pca.Fit(data, options, fixture.Backend);

        Assert.Equal(cpu.ExplainedVarianceRatio.Sum(), ilgpu.ExplainedVarianceRatio.Sum(), 1e-4);
        for (var r = 0; r < components; r++)
        {
            Assert.Equal(cpu.ExplainedVarianceRatio[r], ilgpu.ExplainedVarianceRatio[r], 1e-4);
            Assert.Equal(cpu.ExplainedVariance[r], ilgpu.ExplainedVariance[r], 1e-4 * cpu.ExplainedVariance[r]);
        }
    }

    [Fact]
    public void ProductsEqualTheCpuCodeToFloatRounding()
    {
        var data = Correlated(300, 20, seed: 2);
        var mean = new double[20];
        for (var j = 0; j < 20; j++)
        {
            mean[j] = Enumerable.Range(0, 300).Average(i => (double)data[i, j]);
        }

        var random = new Xoshiro256StarStar(7);
        var basis = Enumerable.Range(0, 3 * 20).Select(_ => random.NextGaussian()).ToArray();
        var weights = Enumerable.Range(0, 3 * 300).Select(_ => random.NextGaussian()).ToArray();
        using var cpu = new CpuMatrixProducts(data, mean);
        using var ilgpu = IMatrixProducts.Open(fixture.Backend, data, mean);

        Assert.True(Comparison.RelativeDifference(cpu.CentredGram(), ilgpu.CentredGram()) < 1e-5);
        Assert.True(Comparison.RelativeDifference(cpu.CentredScatter(), ilgpu.CentredScatter()) < 1e-6);
        Assert.True(Comparison.RelativeDifference(cpu.CentredTimes(basis, 3), ilgpu.CentredTimes(basis, 3)) < 1e-5);
        Assert.True(Comparison.RelativeDifference(cpu.CentredTransposeTimes(weights, 3), ilgpu.CentredTransposeTimes(weights, 3)) < 1e-6);
    }

    /// <summary>Rows from a few latent factors plus noise and an offset, so the leading components carry most of the
    /// variance and the centring matters.</summary>
    private static DenseMatrix Correlated(int rows, int features, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var loadings = Enumerable.Range(0, 4 * features).Select(_ => random.NextGaussian()).ToArray();
        var data = new DenseMatrix(rows, features);
        for (var i = 0; i < rows; i++)
        {
            var factors = Enumerable.Range(0, 4).Select(f => (4 - f) * random.NextGaussian()).ToArray();
            for (var j = 0; j < features; j++)
            {
                var value = 10.0 + 0.3 * random.NextGaussian();
                for (var f = 0; f < 4; f++)
                {
                    value += factors[f] * loadings[f * features + j];
                }

                data[i, j] = (float)value;
            }
        }

        return data;
    }
}
