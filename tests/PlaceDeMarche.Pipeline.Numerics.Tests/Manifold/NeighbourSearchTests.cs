using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Manifold;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Manifold;

public class NeighbourSearchTests
{
    [Theory]
    [InlineData(NeighbourSearch.VantagePointTree, 700, 20, 31)]
    [InlineData(NeighbourSearch.VantagePointTree, 300, 50, 91)]
    [InlineData(NeighbourSearch.VantagePointTree, 60, 3, 59)]
    [InlineData(NeighbourSearch.TiledScan, 701, 20, 31)]
    [InlineData(NeighbourSearch.TiledScan, 302, 50, 91)]
    [InlineData(NeighbourSearch.TiledScan, 61, 3, 59)]
    public void NeighboursEqualABruteForceScan(NeighbourSearch search, int rows, int columns, int k)
    {
        var data = Gaussian(rows, columns, seed: 11);
        AssertEqualsBruteForce(data, k, search);
    }

    [Theory]
    [InlineData(NeighbourSearch.VantagePointTree)]
    [InlineData(NeighbourSearch.TiledScan)]
    public void TiesAreBrokenByIndexAsABruteForceScan(NeighbourSearch search)
    {
        // Points of a small integer grid, each twice: many equal distances, and zero-distance twins.
        var data = new DenseMatrix(2 * 7 * 7, 2);
        for (var i = 0; i < data.Rows; i++)
        {
            data[i, 0] = i / 2 % 7;
            data[i, 1] = i / 2 / 7;
        }

        AssertEqualsBruteForce(data, 12, search);
    }

    [Theory]
    [InlineData(NeighbourSearch.VantagePointTree)]
    [InlineData(NeighbourSearch.TiledScan)]
    public void AffinitiesMatchTheAllPairsOnes(NeighbourSearch search)
    {
        var (data, _) = SyntheticData.FarBlobs(10, 150, 8);
        var tree = NeighbourAffinities.JointProbabilities(data, 30, search);
        var allPairs = NeighbourAffinities.JointProbabilities(data, 30, NeighbourSearch.AllPairs);
        Assert.Equal(allPairs.RowPointers, tree.RowPointers);
        Assert.Equal(allPairs.ColumnIndices, tree.ColumnIndices);
        for (var e = 0; e < tree.Values.Length; e++)
        {
            Assert.Equal(allPairs.Values[e], tree.Values[e], 1e-6f * allPairs.Values[e] + 1e-9f);
        }
    }

    private static void AssertEqualsBruteForce(DenseMatrix data, int k, NeighbourSearch search)
    {
        var (neighbours, distances) = search == NeighbourSearch.TiledScan
            ? TiledNeighbourSearch.NearestNeighbours(data, k)
            : VantagePointTree.Build(data).NearestNeighbours(k);

        // The same arithmetic as the searches, which pad rows with zeros to whole 8-float vectors.
        var padded = new DenseMatrix(data.Rows, (data.Columns + 7) / 8 * 8);
        for (var i = 0; i < data.Rows; i++)
        {
            data.Row(i).CopyTo(padded.Row(i));
        }

        for (var i = 0; i < data.Rows; i++)
        {
            var expected = Enumerable.Range(0, data.Rows)
                .Where(j => j != i)
                .Select(j => (Distance: VectorKernels.SquaredDistance(padded.Row(i), padded.Row(j)), Index: j))
                .OrderBy(pair => pair.Distance)
                .ThenBy(pair => pair.Index)
                .Take(k)
                .ToArray();
            Assert.Equal(expected.Select(pair => pair.Index), neighbours.AsSpan(i * k, k).ToArray());
            Assert.Equal(expected.Select(pair => pair.Distance), distances.AsSpan(i * k, k).ToArray());
        }
    }

    private static DenseMatrix Gaussian(int rows, int columns, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var data = new DenseMatrix(rows, columns);
        for (var index = 0; index < data.Data.Length; index++)
        {
            data.Data[index] = (float)random.NextGaussian();
        }

        return data;
    }
}
