using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Metrics;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Metrics;

public class SilhouetteTests
{
    [Fact]
    public void MatchesScikitLearn()
    {
        // Expected values from scikit-learn 1.2.1 silhouette_score / silhouette_samples (euclidean); the last point
        // is deliberately labelled with the wrong cluster.
        var data = DenseMatrix.FromRows(
        [
            [0.0f, 0.0f], [0.5f, 0.2f], [0.1f, 0.9f], [4.0f, 4.0f], [4.5f, 3.8f], [3.9f, 4.6f], [8.0f, 0.0f],
            [8.3f, 0.4f], [0.2f, 0.3f],
        ]);
        int[] labels = [0, 0, 0, 1, 1, 1, 2, 2, 1];
        double[] expected =
        [
            0.838994744986781, 0.8362515629572075, 0.7881970193464334, 0.5918670619626851, 0.5400093424303157,
            0.5690456465096789, 0.9193250150149477, 0.9196478123845291, -0.9222160634013983,
        ];
        var samples = Silhouette.Samples(data, labels);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], samples[i], 6);
        }

        Assert.Equal(0.5645691269101312, Silhouette.Score(data, labels), 6);
    }

    [Fact]
    public void SingletonClusterScoresZero()
    {
        // scikit-learn 1.2.1 silhouette_score gives -0.09795605531049996 (singleton cluster 2 contributes 0).
        var data = DenseMatrix.FromRows([[0, 0, 1], [1, 0, 0], [0, 1, 1], [5, 5, 5], [6, 5, 5], [5, 6, 4]]);
        int[] labels = [0, 0, 1, 1, 1, 2];
        Assert.Equal(0.0, Silhouette.Samples(data, labels)[5]);
        Assert.Equal(-0.09795605531049996, Silhouette.Score(data, labels), 6);
    }

    [Fact]
    public void RejectsSingleClusterOrAllSingletons()
    {
        var data = DenseMatrix.FromRows([[0, 0], [1, 1], [2, 2]]);
        Assert.Throws<ArgumentException>(() => Silhouette.Score(data, [4, 4, 4]));
        Assert.Throws<ArgumentException>(() => Silhouette.Score(data, [0, 1, 2]));
    }
}
