using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.LinearAlgebra;

public class SymmetricEigenSolverTests
{
    [Fact]
    public void SolvesTridiagonalMatrixWithKnownSpectrum()
    {
        // [[2,1,0],[1,2,1],[0,1,2]] has eigenvalues 2+√2, 2, 2−√2 with eigenvectors (1,√2,1)/2, (1,0,−1)/√2,
        // (1,−√2,1)/2 (worked out by hand from the characteristic polynomial).
        double[] matrix = [2, 1, 0, 1, 2, 1, 0, 1, 2];
        var result = SymmetricEigenSolver.Decompose(matrix, 3, 3);
        Assert.Equal(2 + Math.Sqrt(2), result.Values[0], 12);
        Assert.Equal(2, result.Values[1], 12);
        Assert.Equal(2 - Math.Sqrt(2), result.Values[2], 12);
        AssertParallel([0.5, Math.Sqrt(0.5), 0.5], result.Vector(0));
        AssertParallel([Math.Sqrt(0.5), 0, -Math.Sqrt(0.5)], result.Vector(1));
        AssertParallel([0.5, -Math.Sqrt(0.5), 0.5], result.Vector(2));
        Assert.Equal([2, 1, 0, 1, 2, 1, 0, 1, 2], matrix);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(230)]
    public void RandomSymmetricMatrixSatisfiesEigenEquation(int n)
    {
        var random = new Xoshiro256StarStar((ulong)n);
        var matrix = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                matrix[i * n + j] = matrix[j * n + i] = random.NextGaussian();
            }
        }

        var vectorCount = Math.Min(n, 12);
        var result = SymmetricEigenSolver.Decompose(matrix, n, vectorCount);
        var trace = Enumerable.Range(0, n).Sum(i => matrix[i * n + i]);
        Assert.Equal(trace, result.Values.Sum(), 9);
        for (var r = 1; r < n; r++)
        {
            Assert.True(result.Values[r] <= result.Values[r - 1]);
        }

        for (var r = 0; r < vectorCount; r++)
        {
            var v = result.Vector(r);
            for (var i = 0; i < n; i++)
            {
                var product = 0.0;
                for (var j = 0; j < n; j++)
                {
                    product += matrix[i * n + j] * v[j];
                }

                Assert.Equal(result.Values[r] * v[i], product, 9);
            }

            for (var s = 0; s <= r; s++)
            {
                var dot = 0.0;
                for (var i = 0; i < n; i++)
                {
                    dot += v[i] * result.Vector(s)[i];
                }

                Assert.Equal(r == s ? 1.0 : 0.0, dot, 10);
            }
        }
    }

    [Fact]
    public void SelectorChoosesVectorCountFromEigenvalues()
    {
        double[] diagonal = [1, 0, 0, 0, 5, 0, 0, 0, 3];
        var result = SymmetricEigenSolver.Decompose(diagonal, 3, values => values.Count(v => v > 2));
        Assert.Equal(2, result.VectorCount);
        Assert.Equal([5.0, 3.0, 1.0], result.Values);
        AssertParallel([0, 1, 0], result.Vector(0));
        AssertParallel([0, 0, 1], result.Vector(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Vector(2));
    }

    [Fact]
    public void RejectsAsymmetricMatrix()
    {
        var error = Assert.Throws<ArgumentException>(() => SymmetricEigenSolver.Decompose([1, 2, 3, 4], 2, 1));
        Assert.Contains("(1, 0)", error.Message);
    }

    private static void AssertParallel(double[] expected, ReadOnlySpan<double> actual)
    {
        var sign = Math.Sign(expected.Zip(actual.ToArray(), (e, a) => e * a).Sum());
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], sign * actual[i], 10);
        }
    }
}
