using PlaceDeMarche.Pipeline.Numerics.Clustering;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Clustering;

public class HamerlyKMeansTests
{
    [Theory]
    [InlineData(2, 7, 400, 3.0)]
    [InlineData(64, 7, 900, 3.0)]
    [InlineData(512, 7, 1200, 6.0)]
    [InlineData(16, 40, 3000, 1.0)]
    [InlineData(3, 1, 50, 1.0)]
    public void GivesLloydsAssignmentsCentroidsAndInertia(int columns, int clusters, int rows, double noise)
    {
        var data = OverlappingBlobs(rows, columns, 7, noise, seed: (ulong)(columns + clusters));
        var options = new KMeansOptions { ClusterCount = clusters, Seed = 5, InitCount = 3 };
        var lloyd = KMeans.Fit(data, options with { Algorithm = KMeansAlgorithm.Lloyd });
        var hamerly = KMeans.Fit(data, options with { Algorithm = KMeansAlgorithm.Hamerly });

        Assert.Equal(lloyd.Labels, hamerly.Labels);
        Assert.Equal(lloyd.Centroids.Data, hamerly.Centroids.Data);
        Assert.Equal(lloyd.Inertia, hamerly.Inertia);
        Assert.Equal(lloyd.Iterations, hamerly.Iterations);
    }

    [Fact]
    public void ParallelRestartsGiveTheSameResultWhateverTheScheduling()
    {
        var data = OverlappingBlobs(2000, 32, 7, 3.0, seed: 3);
        var options = new KMeansOptions { ClusterCount = 7, Seed = 1 };
        var first = KMeans.Fit(data, options);
        var runs = new KMeansResult[3];
        Parallel.For(0, 3, new ParallelOptions { MaxDegreeOfParallelism = 3 }, r => runs[r] = KMeans.Fit(data, options));
        foreach (var run in runs)
        {
            Assert.Equal(first.Labels, run.Labels);
            Assert.Equal(first.Centroids.Data, run.Centroids.Data);
            Assert.Equal(first.Inertia, run.Inertia);
        }
    }

    /// <summary>Centres drawn in [-1, 1]^d with Gaussian noise around them: clusters that overlap, so many rows sit
    /// near a boundary and change cluster over the iterations.</summary>
    private static DenseMatrix OverlappingBlobs(int rows, int columns, int centres, double noise, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var centre = new double[centres * columns];
        for (var c = 0; c < centre.Length; c++)
        {
            centre[c] = 2 * random.NextDouble() - 1;
        }

        var data = new DenseMatrix(rows, columns);
        for (var i = 0; i < rows; i++)
        {
            var blob = random.NextInt(centres);
            for (var j = 0; j < columns; j++)
            {
                data[i, j] = (float)(centre[blob * columns + j] + noise * random.NextGaussian());
            }
        }

        return data;
    }
}
