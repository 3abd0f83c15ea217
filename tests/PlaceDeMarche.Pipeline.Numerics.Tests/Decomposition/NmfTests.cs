using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;
using PlaceDeMarche.Pipeline.Numerics.Tests.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Decomposition;

public class NmfTests
{
    private const int Precision = 5;
    private const double Tolerance = 1e-5;

    // Expected values below: scikit-learn 1.2.1 NMF(2, init='nndsvda', max_iter=30, tol=0) on the float64 version of
    // TruncatedSvdTests.SmallSparse(). Its randomized SVD is exact on a 6 x 5 matrix, as ours is, so the starting
    // factors and every update agree.
    [Fact]
    public void CoordinateDescentMatchesScikitLearn()
    {
        var result = Nmf.Fit(TruncatedSvdTests.SmallSparse(), SmallOptions(NmfSolver.CoordinateDescent));
        AssertClose(
        [
            0.7647528799971868, 0.07985723755205772, 0.0, 0.6637511713205547, 0.05637860063442864, 1.1154777219449596,
            0.27595164091509417, 0.4207082281582371, 1.196415780702428, 0.0, 0.0, 1.218879386200833,
        ], result.W.Data);
        AssertClose(
        [
            2.2356009801842265, 0.0, 0.6780752518777999, 0.0, 3.7161624502764243, 0.24400928023009394,
            1.6115136510398598, 0.7150150114308732, 2.25511508809123, 0.0,
        ], result.H.Data);
        Assert.Equal(4.631173469683118, result.ReconstructionError, Precision);
        Assert.Equal(30, result.Iterations);
    }

    [Fact]
    public void MultiplicativeUpdateMatchesScikitLearn()
    {
        var result = Nmf.Fit(TruncatedSvdTests.SmallSparse(), SmallOptions(NmfSolver.MultiplicativeUpdate));
        AssertClose(
        [
            1.0389375107739498, 0.075861542003885105, 0.0, 0.63047158746490295, 0.076577020904343804, 1.0595604961043381,
            0.37488841710110127, 0.39961012971307575, 1.6253675419972535, 0.0, 0.0, 1.1577668648360120,
        ], result.W.Data);
        AssertClose(
        [
            1.6455976050644765, 1.3551358616414897e-06, 0.49912646260383869, 0.0, 2.7354318252166898,
            0.25691127379036532, 1.6965637994910898, 0.75275106564833705, 2.3741492327060763, 1.6969674695273998e-06,
        ], result.H.Data);
        Assert.Equal(4.631173622532654, result.ReconstructionError, Precision);
    }

    [Fact]
    public void RegularisedCoordinateDescentMatchesScikitLearn()
    {
        // scikit-learn: alpha_W=0.01, alpha_H='same', l1_ratio=0.5.
        var options = SmallOptions(NmfSolver.CoordinateDescent) with { Alpha = 0.01, L1Ratio = 0.5 };
        var result = Nmf.Fit(TruncatedSvdTests.SmallSparse(), options);
        AssertClose(
        [
            1.0430659327257596, 0.08863559073942259, 0.0, 0.7673816789865472, 0.07685434235613318, 1.2947411865346903,
            0.3746313068936704, 0.4826851414010045, 1.634134252514012, 0.0, 0.0, 1.41194561109435,
        ], result.W.Data);
        Assert.Equal(4.632144795624374, result.ReconstructionError, Precision);
    }

    [Theory]
    [InlineData(NmfSolver.CoordinateDescent, NmfInitialization.Nndsvda)]
    [InlineData(NmfSolver.CoordinateDescent, NmfInitialization.Random)]
    [InlineData(NmfSolver.MultiplicativeUpdate, NmfInitialization.Nndsvda)]
    [InlineData(NmfSolver.MultiplicativeUpdate, NmfInitialization.Random)]
    public void ErrorDecreasesAndFactorsStayNonNegative(NmfSolver solver, NmfInitialization init)
    {
        var data = SparseRowMatrix.FromDense(SparseRowMatrixTests.RandomSparseDense(80, 60, 0.1, 5));
        var previous = double.PositiveInfinity;
        foreach (var iterations in new[] { 1, 3, 10, 30, 100 })
        {
            var options = new NmfOptions { Components = 6, Solver = solver, Init = init, MaxIterations = iterations, Tolerance = 0, Seed = 3 };
            var result = Nmf.Fit(data, options);
            Assert.True(result.ReconstructionError <= previous + 1e-9, $"{iterations} iterations: {result.ReconstructionError} > {previous}");
            Assert.All(result.W.Data, value => Assert.True(value >= 0));
            Assert.All(result.H.Data, value => Assert.True(value >= 0));
            previous = result.ReconstructionError;
        }
    }

    [Fact]
    public void RecoversPlantedNonNegativeFactors()
    {
        // X = W₀·H₀ with rank 3; each planted component owns 4 "anchor" columns and every row of W₀ misses at least
        // one component (some rows are pure), so the factorisation is unique up to scaling and order of the components.
        var random = new Xoshiro256StarStar(17);
        var planted = new double[3][];
        for (var r = 0; r < 3; r++)
        {
            planted[r] = new double[30];
            for (var j = 0; j < 30; j++)
            {
                planted[r][j] = j / 4 == r ? 1.0 + random.NextDouble() : j >= 12 && random.NextDouble() < 0.4 ? random.NextDouble() : 0.0;
            }
        }

        var data = new DenseMatrix(40, 30);
        for (var i = 0; i < 40; i++)
        {
            var weights = new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() };
            weights[i % 3] = 0.0;
            if (i % 4 == 0)
            {
                weights[(i + 1) % 3] = 0.0;
            }

            for (var j = 0; j < 30; j++)
            {
                data[i, j] = (float)(weights[0] * planted[0][j] + weights[1] * planted[1][j] + weights[2] * planted[2][j]);
            }
        }

        var result = Nmf.Fit(data, new NmfOptions { Components = 3, MaxIterations = 2000, Tolerance = 1e-12 });
        var norm = Math.Sqrt(data.Data.Sum(value => (double)value * value));
        Assert.True(result.ReconstructionError < 1e-3 * norm, $"relative error {result.ReconstructionError / norm}");
        foreach (var component in planted)
        {
            var best = Enumerable.Range(0, 3).Max(r => Cosine(component, result.H.Row(r)));
            Assert.True(best > 0.999, $"best cosine {best}");
        }
    }

    [Theory]
    [InlineData(NmfSolver.CoordinateDescent)]
    [InlineData(NmfSolver.MultiplicativeUpdate)]
    public void SameSeedGivesIdenticalFactors(NmfSolver solver)
    {
        // 600 rows: several parallel row chunks.
        var data = SparseRowMatrix.FromDense(SparseRowMatrixTests.RandomSparseDense(600, 120, 0.05, 8));
        foreach (var init in new[] { NmfInitialization.Nndsvda, NmfInitialization.Random })
        {
            var options = new NmfOptions { Components = 5, Solver = solver, Init = init, MaxIterations = 40, Seed = 9 };
            var first = Nmf.Fit(data, options);
            var second = Nmf.Fit(data, options);
            Assert.Equal(first.W.Data, second.W.Data);
            Assert.Equal(first.H.Data, second.H.Data);
            Assert.Equal(first.ReconstructionError, second.ReconstructionError);
        }
    }

    [Fact]
    public void RejectsNegativeDataAndBadOptions()
    {
        var data = DenseMatrix.FromRows([[1, 0, 2], [0, 3, -1], [2, 2, 0]]);
        var error = Assert.Throws<ArgumentException>(() => Nmf.Fit(data, new NmfOptions { Components = 2 }));
        Assert.Contains("row 1, column 2", error.Message);
        data[1, 2] = 1;
        Assert.Throws<ArgumentOutOfRangeException>(() => Nmf.Fit(data, new NmfOptions { Components = 4 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nmf.Fit(data, new NmfOptions { Components = 2, L1Ratio = 2 }));
    }

    private static NmfOptions SmallOptions(NmfSolver solver) =>
        new() { Components = 2, Solver = solver, MaxIterations = 30, Tolerance = 0 };

    private static double Cosine(double[] expected, ReadOnlySpan<float> actual)
    {
        double dot = 0, left = 0, right = 0;
        for (var j = 0; j < expected.Length; j++)
        {
            dot += expected[j] * actual[j];
            left += expected[j] * expected[j];
            right += (double)actual[j] * actual[j];
        }

        return dot / Math.Sqrt(left * right);
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], Tolerance);
        }
    }
}
