using PlaceDeMarche.Pipeline.Numerics.Compute;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Clustering;

/// <summary>
/// Lloyd's k-means with greedy k-means++ seeding and several seeded restarts, run in parallel; Hamerly's bounds (the
/// default, <see cref="HamerlyIterations"/>) skip most distance computations without changing any assignment. Each
/// restart draws from its own random stream, all sums are taken in a fixed order, and the best restart is picked in
/// restart order, so a seed always gives the same clustering. On an ILGPU backend the restarts run Lloyd's iterations
/// with the device's assignment and update kernels (<see cref="IKMeansKernels"/>).
/// </summary>
public static class KMeans
{
    /// <summary>Clusters the rows of <paramref name="data"/> (on the CPU unless <paramref name="backend"/> says otherwise).</summary>
    public static KMeansResult Fit(DenseMatrix data, KMeansOptions options, ComputeBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(data.Rows);
        data.EnsureFinite("k-means");

        var tolerance = options.Tolerance * MeanFeatureVariance(data);
        var allRows = Enumerable.Range(0, data.Rows).ToArray();
        var results = new KMeansResult[options.InitCount];
        backend ??= ComputeBackend.Cpu;
        var bounded = options.Algorithm == KMeansAlgorithm.Hamerly && !backend.IsIlgpu;
        using var kernels = IKMeansKernels.Open(backend, data, options.ClusterCount);
        Parallel.For(0, options.InitCount, init =>
        {
            var random = Xoshiro256StarStar.ForStream(options.Seed, init);
            var centroids = KMeansPlusPlus.Initialize(data, allRows, options.ClusterCount, random);
            results[init] = bounded
                ? HamerlyIterations.Run(data, centroids, options.ClusterCount, options.MaxIterations, tolerance)
                : RunLloyd(data, centroids, options.ClusterCount, options.MaxIterations, tolerance, kernels);
        });

        var best = results[0];
        foreach (var result in results)
        {
            if (result.Inertia < best.Inertia)
            {
                best = result;
            }
        }

        return best;
    }

    private static KMeansResult RunLloyd(DenseMatrix data, float[] centroids, int k, int maxIterations, double tolerance, IKMeansKernels kernels)
    {
        int n = data.Rows, d = data.Columns;
        var labels = new int[n];
        var previousLabels = new int[n];
        Array.Fill(previousLabels, -1);
        var distances = new double[n];
        var sums = new double[k * d];
        var counts = new int[k];
        var iterations = 0;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            iterations = iteration;
            kernels.Assign(centroids, labels, distances);
            RelocateEmptyClusters(labels, distances, counts, k);
            kernels.SumByCluster(labels, sums);
            var shift = MoveCentroids(sums, counts, centroids, k, d);
            if (labels.AsSpan().SequenceEqual(previousLabels) || shift <= tolerance)
            {
                break;
            }

            (labels, previousLabels) = (previousLabels, labels);
        }

        var inertia = kernels.Assign(centroids, labels, distances);
        return new KMeansResult(labels, new DenseMatrix(k, d, centroids), inertia, iterations);
    }

    /// <summary>Gives each empty cluster the row farthest from its own centroid (taken from a cluster with more than
    /// one member), as scikit-learn does.</summary>
    internal static void RelocateEmptyClusters(int[] labels, double[] distances, int[] counts, int k)
    {
        Array.Clear(counts);
        foreach (var label in labels)
        {
            counts[label]++;
        }

        if (Array.IndexOf(counts, 0) < 0)
        {
            return;
        }

        var farthestFirst = Enumerable.Range(0, labels.Length)
            .OrderByDescending(i => distances[i])
            .ThenBy(i => i)
            .ToArray();
        var next = 0;
        for (var cluster = 0; cluster < k; cluster++)
        {
            if (counts[cluster] != 0)
            {
                continue;
            }

            while (counts[labels[farthestFirst[next]]] <= 1)
            {
                next++;
            }

            var row = farthestFirst[next++];
            counts[labels[row]]--;
            labels[row] = cluster;
            distances[row] = 0;
            counts[cluster] = 1;
        }
    }

    /// <summary>Moves each centroid to the mean of its rows; returns the summed squared shift.</summary>
    internal static double UpdateCentroids(DenseMatrix data, int[] labels, float[] centroids, double[] sums, int[] counts, int k)
    {
        CpuKMeansKernels.SumRows(data, labels, sums);
        return MoveCentroids(sums, counts, centroids, k, data.Columns);
    }

    /// <summary>Moves each centroid to its cluster's sums divided by its count; returns the summed squared shift.</summary>
    private static double MoveCentroids(double[] sums, int[] counts, float[] centroids, int k, int d)
    {
        var shift = 0.0;
        for (var c = 0; c < k; c++)
        {
            for (var j = 0; j < d; j++)
            {
                var updated = (float)(sums[c * d + j] / counts[c]);
                double delta = updated - centroids[c * d + j];
                shift += delta * delta;
                centroids[c * d + j] = updated;
            }
        }

        return shift;
    }

    private static double MeanFeatureVariance(DenseMatrix data)
    {
        int n = data.Rows, d = data.Columns;
        var mean = new double[d];
        var squares = new double[d];
        for (var i = 0; i < n; i++)
        {
            var row = data.Row(i);
            for (var j = 0; j < d; j++)
            {
                mean[j] += row[j];
                squares[j] += (double)row[j] * row[j];
            }
        }

        var total = 0.0;
        for (var j = 0; j < d; j++)
        {
            var average = mean[j] / n;
            total += Math.Max(squares[j] / n - average * average, 0.0);
        }

        return total / d;
    }
}
