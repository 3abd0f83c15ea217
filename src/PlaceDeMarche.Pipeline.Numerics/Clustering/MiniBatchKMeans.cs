using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Clustering;

/// <summary>
/// Mini-batch k-means (Sculley 2010, with scikit-learn's count-weighted centre updates, random re-seeding of starved
/// centres and early stopping on the smoothed batch inertia) for large row counts such as visual vocabularies.
/// </summary>
public static class MiniBatchKMeans
{
    /// <summary>Clusters the rows of <paramref name="data"/>.</summary>
    public static KMeansResult Fit(DenseMatrix data, MiniBatchKMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(data.Rows);
        data.EnsureFinite("Mini-batch k-means");

        int n = data.Rows, d = data.Columns, k = options.ClusterCount;
        var batchSize = Math.Min(options.BatchSize, n);
        var random = Xoshiro256StarStar.ForStream(options.Seed, 0);
        var initSize = Math.Min(n, options.InitSize ?? Math.Max(3 * batchSize, 3 * k));
        var centroids = ChooseInitialCentroids(data, options, initSize, random);

        var counts = new double[k];
        var batch = new int[batchSize];
        var labels = new int[batchSize];
        var distances = new double[batchSize];
        var sums = new double[k * d];
        var batchCounts = new int[k];
        var steps = Math.Max(1, (int)Math.Min(int.MaxValue, (long)options.MaxIterations * n / batchSize));
        var smoothing = Math.Min(1.0, 2.0 * batchSize / (n + 1));
        var smoothedInertia = double.NaN;
        var bestInertia = double.PositiveInfinity;
        var stepsWithoutImprovement = 0;
        var rowsSinceReassignment = 0;
        var performed = 0;
        for (var step = 0; step < steps; step++)
        {
            performed = step + 1;
            for (var b = 0; b < batchSize; b++)
            {
                batch[b] = random.NextInt(n);
            }

            var batchInertia = CentroidAssignment.Assign(data, batch, batchSize, centroids, k, labels, distances) / batchSize;
            UpdateCentroids(data, batch, labels, centroids, counts, sums, batchCounts, k);

            rowsSinceReassignment += batchSize;
            if (options.ReassignmentRatio > 0 && (Array.IndexOf(counts, 0.0) >= 0 || rowsSinceReassignment >= 10 * k))
            {
                rowsSinceReassignment = 0;
                ReseedStarvedCentroids(data, batch, centroids, counts, options.ReassignmentRatio, random);
            }

            smoothedInertia = step == 0 ? batchInertia : smoothedInertia * (1 - smoothing) + batchInertia * smoothing;
            if (smoothedInertia < bestInertia)
            {
                bestInertia = smoothedInertia;
                stepsWithoutImprovement = 0;
            }
            else if (++stepsWithoutImprovement >= options.MaxNoImprovement)
            {
                break;
            }
        }

        var allLabels = Array.Empty<int>();
        var inertia = double.NaN;
        if (options.ComputeLabels)
        {
            allLabels = new int[n];
            inertia = CentroidAssignment.Assign(data, null, n, centroids, k, allLabels, new double[n]);
        }

        return new KMeansResult(allLabels, new DenseMatrix(k, d, centroids), inertia, performed);
    }

    /// <summary>Runs k-means++ on several random samples and keeps the seeding with the lowest inertia on a separate
    /// validation sample.</summary>
    private static float[] ChooseInitialCentroids(
        DenseMatrix data, MiniBatchKMeansOptions options, int initSize, Xoshiro256StarStar random)
    {
        var k = options.ClusterCount;
        var validation = SampleWithoutReplacement(data.Rows, initSize, random);
        var labels = new int[initSize];
        var distances = new double[initSize];
        float[]? best = null;
        var bestInertia = double.PositiveInfinity;
        for (var init = 0; init < options.InitCount; init++)
        {
            var sample = SampleWithoutReplacement(data.Rows, initSize, random);
            var centroids = KMeansPlusPlus.Initialize(data, sample, k, random);
            var inertia = CentroidAssignment.Assign(data, validation, initSize, centroids, k, labels, distances);
            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                best = centroids;
            }
        }

        return best!;
    }

    /// <summary>Moves each centre to the count-weighted mean of its previous position and its new batch rows.</summary>
    private static void UpdateCentroids(
        DenseMatrix data, int[] batch, int[] labels, float[] centroids, double[] counts, double[] sums, int[] batchCounts, int k)
    {
        var d = data.Columns;
        Array.Clear(sums);
        Array.Clear(batchCounts);
        for (var b = 0; b < batch.Length; b++)
        {
            var row = data.Row(batch[b]);
            var target = sums.AsSpan(labels[b] * d, d);
            batchCounts[labels[b]]++;
            for (var j = 0; j < d; j++)
            {
                target[j] += row[j];
            }
        }

        for (var c = 0; c < k; c++)
        {
            if (batchCounts[c] == 0)
            {
                continue;
            }

            var total = counts[c] + batchCounts[c];
            for (var j = 0; j < d; j++)
            {
                centroids[c * d + j] = (float)((centroids[c * d + j] * counts[c] + sums[c * d + j]) / total);
            }

            counts[c] = total;
        }
    }

    /// <summary>Re-seeds centres that attracted too few rows at random rows of the current batch (at most half a
    /// batch at once) and gives them the smallest surviving count.</summary>
    private static void ReseedStarvedCentroids(
        DenseMatrix data, int[] batch, float[] centroids, double[] counts, double ratio, Xoshiro256StarStar random)
    {
        var threshold = ratio * counts.Max();
        var starved = Enumerable.Range(0, counts.Length)
            .Where(c => counts[c] < threshold)
            .OrderBy(c => counts[c])
            .ThenBy(c => c)
            .Take(batch.Length / 2)
            .ToArray();
        if (starved.Length == 0 || starved.Length == counts.Length)
        {
            return;
        }

        var survivorMinimum = Enumerable.Range(0, counts.Length).Where(c => !starved.Contains(c)).Min(c => counts[c]);
        var picks = SampleWithoutReplacement(batch.Length, starved.Length, random);
        var d = data.Columns;
        for (var s = 0; s < starved.Length; s++)
        {
            data.Row(batch[picks[s]]).CopyTo(centroids.AsSpan(starved[s] * d, d));
            counts[starved[s]] = survivorMinimum;
        }
    }

    /// <summary>A uniformly random subset of [0, population) of the given size (partial Fisher–Yates).</summary>
    private static int[] SampleWithoutReplacement(int population, int size, Xoshiro256StarStar random)
    {
        if (size * 4L >= population)
        {
            var all = Enumerable.Range(0, population).ToArray();
            for (var i = 0; i < size; i++)
            {
                var j = i + random.NextInt(population - i);
                (all[i], all[j]) = (all[j], all[i]);
            }

            return all[..size];
        }

        // Sparse draw for large populations: rejection against a set keeps memory proportional to the sample.
        var chosen = new HashSet<int>();
        var result = new int[size];
        for (var i = 0; i < size;)
        {
            var candidate = random.NextInt(population);
            if (chosen.Add(candidate))
            {
                result[i++] = candidate;
            }
        }

        return result;
    }
}
