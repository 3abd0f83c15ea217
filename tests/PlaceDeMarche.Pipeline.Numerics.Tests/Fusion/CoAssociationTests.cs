using PlaceDeMarche.Pipeline.Numerics.Fusion;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Fusion;

public sealed class CoAssociationTests
{
    [Fact]
    public void Entries_are_the_share_of_partitions_grouping_each_pair()
    {
        // Items 0-3. Text groups {0,1} {2,3}; the image agrees once and once groups {0,1,2} {3} (labels are arbitrary).
        int[][] partitions = [[0, 0, 1, 1], [5, 5, 2, 2], [1, 1, 1, 0]];

        var matrix = CoAssociation.Matrix(partitions);

        float[][] expected =
        [
            [1f, 1f, 1 / 3f, 0f],
            [1f, 1f, 1 / 3f, 0f],
            [1 / 3f, 1 / 3f, 1f, 2 / 3f],
            [0f, 0f, 2 / 3f, 1f],
        ];
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], matrix[i], (a, b) => Math.Abs(a - b) < 1e-6);
        }
    }

    [Fact]
    public void Partitions_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CoAssociation.Matrix([[0, 1], [0, 1, 1]]));
        Assert.Throws<ArgumentException>(() => CoAssociation.Matrix([]));
    }
}
