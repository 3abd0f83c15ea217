using PlaceDeMarche.Pipeline.Numerics.Clustering;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Metrics;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Clustering;

public class KMeansTests
{
    private static readonly float[][] Centres = [[0, 0], [10, 10], [20, 0], [0, 20]];

    [Fact]
    public void RecoversWellSeparatedBlobs()
    {
        var (data, truth) = SyntheticData.Blobs(Centres, 60, 0.8, 5);
        var result = KMeans.Fit(data, new KMeansOptions { ClusterCount = 4, Seed = 3 });
        Assert.Equal(1.0, AdjustedRandIndex.Compute(truth, result.Labels.ToArray()));
        Assert.Equal(4, result.Centroids.Rows);
        foreach (var centre in Centres)
        {
            Assert.Contains(
                Enumerable.Range(0, 4),
                c => Math.Abs(result.Centroids[c, 0] - centre[0]) < 0.5 && Math.Abs(result.Centroids[c, 1] - centre[1]) < 0.5);
        }
    }

    [Fact]
    public void InertiaAndLabelsMatchBruteForce()
    {
        var (data, _) = SyntheticData.Blobs(Centres, 40, 3.0, 9);
        var result = KMeans.Fit(data, new KMeansOptions { ClusterCount = 5, Seed = 11 });
        var inertia = 0.0;
        for (var i = 0; i < data.Rows; i++)
        {
            var distances = Enumerable.Range(0, 5).Select(c => SquaredDistance(data.Row(i), result.Centroids.Row(c))).ToArray();
            var nearest = Array.IndexOf(distances, distances.Min());
            Assert.Equal(nearest, result.Labels[i]);
            inertia += distances[nearest];
        }

        Assert.Equal(inertia, result.Inertia, 1e-6 * inertia);

        // Lloyd fixed point: every centroid is the mean of its rows.
        for (var c = 0; c < 5; c++)
        {
            var members = Enumerable.Range(0, data.Rows).Where(i => result.Labels[i] == c).ToArray();
            Assert.NotEmpty(members);
            Assert.Equal(members.Average(i => data[i, 0]), result.Centroids[c, 0], 3);
            Assert.Equal(members.Average(i => data[i, 1]), result.Centroids[c, 1], 3);
        }
    }

    [Fact]
    public void SameSeedGivesIdenticalResult()
    {
        var (data, _) = SyntheticData.Blobs(Centres, 50, 4.0, 21);
        var options = new KMeansOptions { ClusterCount = 6, Seed = 42, InitCount = 3 };
        var first = KMeans.Fit(data, options);
        var second = KMeans.Fit(data, options);
        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(first.Centroids.Data, second.Centroids.Data);
        Assert.Equal(first.Inertia, second.Inertia);
    }

    [Fact]
    public void MoreRestartsNeverIncreaseInertia()
    {
        var (data, _) = SyntheticData.Blobs(Centres, 50, 6.0, 4);
        var single = KMeans.Fit(data, new KMeansOptions { ClusterCount = 7, Seed = 1, InitCount = 1 });
        var many = KMeans.Fit(data, new KMeansOptions { ClusterCount = 7, Seed = 1, InitCount = 8 });
        Assert.True(many.Inertia <= single.Inertia);
    }

    [Fact]
    public void HandlesMoreClustersThanDistinctPoints()
    {
        var data = DenseMatrix.FromRows([[0, 0], [0, 0], [0, 0], [1, 1], [1, 1], [1, 1]]);
        var result = KMeans.Fit(data, new KMeansOptions { ClusterCount = 4, Seed = 2 });
        Assert.Equal(0.0, result.Inertia);
        Assert.All(result.Labels, label => Assert.InRange(label, 0, 3));
        Assert.All(result.Centroids.Data, value => Assert.True(float.IsFinite(value)));
    }

    [Fact]
    public void PredictAssignsNearestCentroid()
    {
        var (data, _) = SyntheticData.Blobs(Centres, 30, 0.5, 8);
        var result = KMeans.Fit(data, new KMeansOptions { ClusterCount = 4, Seed = 0 });
        Assert.Equal(result.Labels, result.Predict(data));
    }

    [Fact]
    public void RejectsMoreClustersThanRows()
    {
        var data = DenseMatrix.FromRows([[0, 0], [1, 1]]);
        Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(data, new KMeansOptions { ClusterCount = 3 }));
    }

    private static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            sum += ((double)a[j] - b[j]) * ((double)a[j] - b[j]);
        }

        return sum;
    }
}
