using PlaceDeMarche.Pipeline.Numerics.Fusion;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Fusion;

public sealed class BlockFusionTests
{
    /// <summary>A wide block of large values beside a narrow block of small ones: naive concatenation is dominated by the first.</summary>
    private static (float[][] Wide, float[][] Narrow) UnevenBlocks()
    {
        var random = new Xoshiro256StarStar(3);
        var wide = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, 30).Select(_ => (float)(100 * random.NextDouble())).ToArray()).ToArray();
        var narrow = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, 4).Select(_ => (float)(0.01 * random.NextDouble())).ToArray()).ToArray();
        return (wide, narrow);
    }

    private static float[][] Columns(float[][] rows, int offset, int width) => rows.Select(r => r.AsSpan(offset, width).ToArray()).ToArray();

    [Fact]
    public void Each_block_gets_its_share_of_the_total_variance()
    {
        var (wide, narrow) = UnevenBlocks();

        var fused = BlockFusion.EqualShare([wide, narrow], [0.5, 0.5]);

        Assert.Equal(34, fused[0].Length);
        Assert.Equal(0.5, BlockFusion.TotalVariance(Columns(fused, 0, 30)), 4);
        Assert.Equal(0.5, BlockFusion.TotalVariance(Columns(fused, 30, 4)), 4);
    }

    [Fact]
    public void Unequal_shares_are_kept_and_columns_are_centred()
    {
        var (wide, narrow) = UnevenBlocks();

        var fused = BlockFusion.EqualShare([wide, narrow], [0.75, 0.25]);

        Assert.Equal(0.75, BlockFusion.TotalVariance(Columns(fused, 0, 30)), 4);
        Assert.Equal(0.25, BlockFusion.TotalVariance(Columns(fused, 30, 4)), 4);
        for (var j = 0; j < 34; j++)
        {
            Assert.Equal(0, fused.Average(r => r[j]), 5);
        }
    }

    [Fact]
    public void Naive_concatenation_keeps_the_raw_values_and_their_imbalance()
    {
        var (wide, narrow) = UnevenBlocks();

        var naive = BlockFusion.Concatenate([wide, narrow]);

        Assert.Equal(wide[7][29], naive[7][29]);
        Assert.Equal(narrow[7][0], naive[7][30]);
        var wideShare = BlockFusion.TotalVariance(Columns(naive, 0, 30)) / BlockFusion.TotalVariance(naive);
        Assert.True(wideShare > 0.999, $"the wide block holds {wideShare:P3} of the raw variance");
        Assert.NotEqual(naive[0][30], BlockFusion.EqualShare([wide, narrow], [0.5, 0.5])[0][30]);
    }

    [Fact]
    public void Rows_are_compared_by_direction_inside_a_block()
    {
        // Two products pointing the same way, one ten times longer: after per-row L2 normalisation they coincide.
        float[][] block = [[1, 2], [10, 20], [2, -1]];

        var fused = BlockFusion.EqualShare([block], [1]);

        Assert.Equal(fused[0], fused[1]);
        Assert.NotEqual(fused[0], fused[2]);
    }

    [Fact]
    public void A_constant_block_contributes_zeros_instead_of_dividing_by_zero()
    {
        float[][] constant = [[1, 1], [1, 1], [1, 1]];
        float[][] varied = [[1, 0], [0, 1], [1, 1]];

        var fused = BlockFusion.EqualShare([constant, varied], [0.5, 0.5]);

        Assert.All(fused, row => Assert.True(row[0] == 0 && row[1] == 0));
        Assert.Equal(0.5, BlockFusion.TotalVariance(Columns(fused, 2, 2)), 5);
    }

    [Fact]
    public void Blocks_of_different_products_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => BlockFusion.EqualShare([[[1f]], [[1f], [2f]]], [0.5, 0.5]));
        Assert.Contains("same products", error.Message);
        Assert.Throws<ArgumentException>(() => BlockFusion.EqualShare([[[1f]]], [-1]));
    }
}
