using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Text.Tests.Vectorization;

public sealed class SparseMatrixTests
{
    // [[1, 0, 2],
    //  [0, 0, 0],
    //  [0, 3, 0]]
    private static SparseMatrix Example() => new(3, 3, [0, 2, 2, 3], [0, 2, 1], [1f, 2f, 3f]);

    [Fact]
    public void To_dense_is_row_major()
    {
        Assert.Equal(new[] { 1f, 0f, 2f, 0f, 0f, 0f, 0f, 3f, 0f }, Example().ToDense());
    }

    [Fact]
    public void Rows_and_elements_are_readable()
    {
        var matrix = Example();

        Assert.Equal(new[] { 0, 2 }, matrix.RowColumnIndices(0).ToArray());
        Assert.Equal(new[] { 1f, 2f }, matrix.RowValues(0).ToArray());
        Assert.True(matrix.RowValues(1).IsEmpty);
        Assert.Equal(3f, matrix[2, 1]);
        Assert.Equal(0f, matrix[2, 2]);
        Assert.Equal(3, matrix.NonZeroCount);
    }

    [Fact]
    public void Inconsistent_arrays_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new SparseMatrix(2, 3, [0, 1], [0], [1f]));
        Assert.Throws<ArgumentException>(() => new SparseMatrix(1, 3, [0, 1], [3], [1f]));
        Assert.Throws<ArgumentException>(() => new SparseMatrix(1, 3, [0, 2], [2, 1], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => new SparseMatrix(1, 3, [0, 1], [0], [1f, 2f]));
    }

    [Fact]
    public void Out_of_range_access_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Example()[3, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Example()[0, -1]);
    }
}
