using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Manifold;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Manifold;

public class ApproximateNeighbourSearchTests
{
    [Fact]
    public void FindsNearlyAllTrueNeighboursAndSaysHowMany()
    {
        // 3,000 rows: more than one leaf per tree and more than the recall sample.
        var (data, _) = SyntheticData.FarBlobs(10, 1000, seed: 5);
        const int k = 31;
        var graph = ApproximateNeighbourSearch.NearestNeighbours(data, k);
        var (exact, _) = TiledNeighbourSearch.NearestNeighbours(data, k);

        var recall = Recall(graph.Neighbours, exact, k);
        Assert.InRange(recall, 0.95, 1.0);

        // The estimate from 1,000 sampled rows is close to the recall over all 3,000.
        Assert.InRange(graph.Recall, recall - 0.02, recall + 0.02);
        Assert.True(graph.Recall < 1.0, "On 3,000 rows in 10-D some neighbours are expected to be missed, or the test proves nothing.");
    }

    [Fact]
    public void EstimatesTheRecallOnEveryRowWhenThereAreFewerThanTheSample()
    {
        var (data, _) = SyntheticData.FarBlobs(16, 250, seed: 9);
        const int k = 20;
        var graph = ApproximateNeighbourSearch.NearestNeighbours(data, k);
        var (exact, _) = TiledNeighbourSearch.NearestNeighbours(data, k);
        Assert.Equal(Recall(graph.Neighbours, exact, k), graph.Recall);
    }

    [Fact]
    public void ListsTrueDistancesNearestFirstWithoutSelfOrRepeats()
    {
        var (data, _) = SyntheticData.FarBlobs(12, 700, seed: 3);
        const int k = 25;
        var graph = ApproximateNeighbourSearch.NearestNeighbours(data, k);
        var rows = new PaddedRows(data);
        for (var i = 0; i < data.Rows; i++)
        {
            var neighbours = graph.Neighbours.AsSpan(i * k, k).ToArray();
            var distances = graph.Distances.AsSpan(i * k, k).ToArray();
            Assert.DoesNotContain(i, neighbours);
            Assert.Equal(k, neighbours.Distinct().Count());
            for (var e = 0; e < k; e++)
            {
                Assert.Equal(rows.SquaredDistance(i, neighbours[e]), distances[e]);
                if (e > 0)
                {
                    Assert.True(distances[e - 1] < distances[e] || (distances[e - 1] == distances[e] && neighbours[e - 1] < neighbours[e]));
                }
            }
        }
    }

    [Fact]
    public void IsExactWhenAllRowsFitInOneLeaf()
    {
        var (data, _) = SyntheticData.FarBlobs(8, 30, seed: 1);
        var graph = ApproximateNeighbourSearch.NearestNeighbours(data, 15);
        var (exact, distances) = TiledNeighbourSearch.NearestNeighbours(data, 15);
        Assert.Equal(exact, graph.Neighbours);
        Assert.Equal(distances, graph.Distances);
        Assert.Equal(1.0, graph.Recall);
    }

    [Fact]
    public void GivesTheSameGraphEveryRun()
    {
        var (data, _) = SyntheticData.FarBlobs(10, 900, seed: 7);
        var first = ApproximateNeighbourSearch.NearestNeighbours(data, 31);
        var second = ApproximateNeighbourSearch.NearestNeighbours(data, 31);
        Assert.Equal(first.Neighbours, second.Neighbours);
        Assert.Equal(first.Distances, second.Distances);
        Assert.Equal(first.Recall, second.Recall);
    }

    [Fact]
    public void TSneUsesItAboveTheExactNeighboursLimit()
    {
        var (data, _) = SyntheticData.FarBlobs(10, 1000, seed: 2);
        var options = new TSneOptions { Perplexity = 10, Method = TSneMethod.BarnesHut, ExactNeighboursLimit = data.Rows - 1 };
        Assert.Equal(NeighbourSearch.Approximate, options.ResolveNeighbourSearch(data.Rows, data.Columns));
        Assert.Equal(NeighbourSearch.VantagePointTree, (options with { ExactNeighboursLimit = data.Rows }).ResolveNeighbourSearch(data.Rows, data.Columns));

        var approximate = TSneAffinities.Compute(data, options);
        var exact = TSneAffinities.Compute(data, options with { ExactNeighboursLimit = data.Rows });
        Assert.Equal(NeighbourSearch.Approximate, approximate.Search);
        Assert.InRange(approximate.NeighbourRecall, 0.95, 1.0 - 1e-6);
        Assert.Equal(1.0, exact.NeighbourRecall);

        // Missed neighbours change few affinities: most of P's mass sits on the same pairs (1 up to float sums when
        // nothing is missed).
        Assert.InRange(SharedMass(approximate.Joint, exact.Joint), 0.95, 1.0 - 1e-6);
    }

    private static double Recall(int[] found, int[] exact, int k)
    {
        long hits = 0;
        for (var i = 0; i < exact.Length / k; i++)
        {
            var row = found.AsSpan(i * k, k);
            foreach (var neighbour in exact.AsSpan(i * k, k))
            {
                hits += row.Contains(neighbour) ? 1 : 0;
            }
        }

        return (double)hits / exact.Length;
    }

    /// <summary>Σ min(p, q) over the entries of two joint probability matrices (1 when they are equal).</summary>
    private static double SharedMass(SparseRowMatrix p, SparseRowMatrix q)
    {
        var shared = 0.0;
        for (var i = 0; i < p.Rows; i++)
        {
            for (var e = p.RowPointers[i]; e < p.RowPointers[i + 1]; e++)
            {
                var column = p.ColumnIndices[e];
                var start = q.RowPointers[i];
                var match = q.ColumnIndices[start..q.RowPointers[i + 1]].IndexOf(column);
                shared += match >= 0 ? Math.Min(p.Values[e], q.Values[start + match]) : 0.0;
            }
        }

        return shared;
    }
}
