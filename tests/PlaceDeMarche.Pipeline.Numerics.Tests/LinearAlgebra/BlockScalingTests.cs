using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.LinearAlgebra;

public sealed class BlockScalingTests
{
    [Fact]
    public void TotalVarianceSumsTheColumnVariances()
    {
        // Column 1: 1, 3 (variance 1); column 2: 0, 4 (variance 4).
        Assert.Equal(5, BlockScaling.TotalVariance([[1, 0], [3, 4]]), 12);
    }

    [Fact]
    public void EachBlockGetsUnitTotalVariance()
    {
        float[][] small = [[1, 0], [3, 4]];          // total variance 5
        float[][] wide = [[10, 0, 0], [0, 0, 10]];   // total variance 25 + 0 + 25 = 50

        var combined = BlockScaling.ConcatenateWithEqualVariance([small, wide]);

        Assert.Equal(5, combined[0].Length);
        Assert.Equal(1, BlockScaling.TotalVariance([.. combined.Select(r => r[..2])]), 5);
        Assert.Equal(1, BlockScaling.TotalVariance([.. combined.Select(r => r[2..])]), 5);
        Assert.Equal(1 / Math.Sqrt(5), combined[0][0], 5);
        Assert.Equal(10 / Math.Sqrt(50), combined[1][4], 5);
    }

    [Fact]
    public void RejectsBlocksOfDifferentRowCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => BlockScaling.ConcatenateWithEqualVariance([[[1f]], [[1f], [2f]]]));

        Assert.Contains("1, 2", error.Message);
    }
}
