using PlaceDeMarche.Pipeline.Numerics.Clustering;
using PlaceDeMarche.Pipeline.Numerics.Metrics;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Clustering;

public class MiniBatchKMeansTests
{
    private static readonly float[][] Centres = [[0, 0, 0], [12, 0, 0], [0, 12, 0], [0, 0, 12], [12, 12, 12]];

    [Fact]
    public void RecoversWellSeparatedBlobs()
    {
        var (data, truth) = SyntheticData.Blobs(Centres, 800, 1.0, 17);
        var result = MiniBatchKMeans.Fit(data, new MiniBatchKMeansOptions { ClusterCount = 5, BatchSize = 256, Seed = 4 });
        Assert.Equal(1.0, AdjustedRandIndex.Compute(truth, result.Labels.ToArray()));
        Assert.True(result.Iterations > 0);

        // Near the true blob inertia: about rows × dimensions × spread².
        Assert.InRange(result.Inertia, 0.8 * 4000 * 3, 1.2 * 4000 * 3);
    }

    [Fact]
    public void SameSeedGivesIdenticalResult()
    {
        var (data, _) = SyntheticData.Blobs(Centres, 400, 3.0, 2);
        var options = new MiniBatchKMeansOptions { ClusterCount = 8, BatchSize = 128, Seed = 9 };
        var first = MiniBatchKMeans.Fit(data, options);
        var second = MiniBatchKMeans.Fit(data, options);
        Assert.Equal(first.Centroids.Data, second.Centroids.Data);
        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(first.Iterations, second.Iterations);
    }

    [Fact]
    public void CanSkipFinalLabelling()
    {
        var (data, _) = SyntheticData.Blobs(Centres, 100, 1.0, 3);
        var result = MiniBatchKMeans.Fit(
            data, new MiniBatchKMeansOptions { ClusterCount = 5, BatchSize = 64, ComputeLabels = false });
        Assert.Empty(result.Labels);
        Assert.True(double.IsNaN(result.Inertia));
        Assert.Equal(data.Rows, result.Predict(data).Length);
    }
}
