using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.LinearAlgebra;

public class SparseRowMatrixTests
{
    [Fact]
    public void RoundTripsThroughDenseAndExposesRows()
    {
        var dense = DenseMatrix.FromRows([[0, 2, 0, 1], [0, 0, 0, 0], [3, 0, 4, 0]]);
        var sparse = SparseRowMatrix.FromDense(dense);
        Assert.Equal(4, sparse.NonZeroCount);
        Assert.Equal([0, 2, 2, 4], sparse.RowPointers.ToArray());
        var (columns, values) = sparse.Row(2);
        Assert.Equal([0, 2], columns.ToArray());
        Assert.Equal([3f, 4f], values.ToArray());
        Assert.Equal(0, sparse.Row(1).Count);
        Assert.Equal(dense.Data, sparse.ToDense().Data);
    }

    [Fact]
    public void TransposeMatchesDenseTranspose()
    {
        var dense = RandomSparseDense(37, 23, 0.2, 3);
        var transposed = SparseRowMatrix.FromDense(dense).Transpose();
        Assert.Equal(23, transposed.Rows);
        Assert.Equal(37, transposed.Columns);
        var expected = transposed.ToDense();
        for (var i = 0; i < dense.Rows; i++)
        {
            for (var j = 0; j < dense.Columns; j++)
            {
                Assert.Equal(dense[i, j], expected[j, i]);
            }
        }
    }

    [Fact]
    public void ProductsMatchDenseMultiplication()
    {
        // 150 rows so that the parallel row chunks are exercised; expected values by a naive triple loop.
        var dense = RandomSparseDense(150, 90, 0.05, 11);
        var sparse = SparseRowMatrix.FromDense(dense);
        var right = RandomSparseDense(90, 7, 1.0, 12);
        var left = RandomSparseDense(5, 150, 1.0, 13);
        AssertClose(NaiveProduct(dense, right), sparse.Multiply(right));
        AssertClose(NaiveProduct(left, dense), sparse.LeftMultiply(left));
        Assert.Equal(sparse.Multiply(right).Data, sparse.Multiply(right).Data);
    }

    [Fact]
    public void RejectsInconsistentArraysNamingTheRow()
    {
        var unsorted = Assert.Throws<ArgumentException>(
            () => new SparseRowMatrix(2, 4, [0, 1, 3], [2, 3, 1], [1f, 1f, 1f]));
        Assert.Contains("Row 1, entry 2", unsorted.Message);
        var outside = Assert.Throws<ArgumentException>(() => new SparseRowMatrix(1, 3, [0, 1], [3], [1f]));
        Assert.Contains("column 3", outside.Message);
        var nan = Assert.Throws<ArgumentException>(() => new SparseRowMatrix(2, 3, [0, 0, 1], [1], [float.NaN]));
        Assert.Contains("Row 1, column 1", nan.Message);
        Assert.Throws<ArgumentException>(() => new SparseRowMatrix(2, 3, [0, 1], [1], [1f]));
        Assert.Throws<ArgumentException>(() => new SparseRowMatrix(2, 3, [0, 1, 1], [1], [1f, 2f]));
        var shape = Assert.Throws<ArgumentException>(
            () => SparseRowMatrix.FromDense(new DenseMatrix(2, 3)).Multiply(new DenseMatrix(2, 2)));
        Assert.Contains("needs 3 rows", shape.Message);
    }

    /// <summary>A dense matrix whose cells are non-zero (uniform in [0.5, 2.5)) with the given probability.</summary>
    internal static DenseMatrix RandomSparseDense(int rows, int columns, double density, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var matrix = new DenseMatrix(rows, columns);
        for (var index = 0; index < matrix.Data.Length; index++)
        {
            if (random.NextDouble() < density)
            {
                matrix.Data[index] = (float)(0.5 + 2.0 * random.NextDouble());
            }
        }

        return matrix;
    }

    private static DenseMatrix NaiveProduct(DenseMatrix a, DenseMatrix b)
    {
        var result = new DenseMatrix(a.Rows, b.Columns);
        for (var i = 0; i < a.Rows; i++)
        {
            for (var j = 0; j < b.Columns; j++)
            {
                var sum = 0.0;
                for (var m = 0; m < a.Columns; m++)
                {
                    sum += (double)a[i, m] * b[m, j];
                }

                result[i, j] = (float)sum;
            }
        }

        return result;
    }

    private static void AssertClose(DenseMatrix expected, DenseMatrix actual)
    {
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Columns, actual.Columns);
        for (var index = 0; index < expected.Data.Length; index++)
        {
            Assert.Equal(expected.Data[index], actual.Data[index], 1e-5f);
        }
    }
}
