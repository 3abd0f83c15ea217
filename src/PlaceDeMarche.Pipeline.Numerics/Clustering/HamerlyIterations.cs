using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Clustering;

/// <summary>
/// One k-means restart with Hamerly's bounds (Hamerly 2010): per row an upper bound on the distance to its centroid
/// and a lower bound on the distance to any other, moved by the centroids' shifts after each update. A row whose upper
/// bound stays below max(lower bound, half the gap from its centroid to the nearest other) cannot change cluster and is
/// skipped. Rows that are not skipped get every distance computed exactly as Lloyd does, and a skip needs a relative
/// margin far above the float rounding of the distances, so the assignments, centroids and inertia equal Lloyd's
/// (<see cref="KMeansAlgorithm.Lloyd"/>) iteration by iteration. Rows run in parallel over fixed chunks; each row's
/// work is its own, so the result does not depend on thread scheduling.
/// </summary>
internal static class HamerlyIterations
{
    private const int ChunkRows = 1024;

    /// <summary>Relative margin a skip needs: distances are float sums, exact to ~1e-6 relative at 512 features.</summary>
    private const double Margin = 1e-4;

    public static KMeansResult Run(DenseMatrix data, float[] centroids, int k, int maxIterations, double tolerance)
    {
        int n = data.Rows, d = data.Columns;
        var labels = new int[n];
        var previousLabels = new int[n];
        Array.Fill(labels, -1);
        var upper = new double[n];
        var lower = new double[n];
        var distances = new double[n];
        var sums = new double[k * d];
        var counts = new int[k];
        var previousCentroids = new float[k * d];
        var shifts = new double[k];
        var halfGaps = new double[k];
        var boundsValid = false;
        var iterations = 0;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            iterations = iteration;
            labels.CopyTo(previousLabels, 0);
            if (boundsValid)
            {
                HalfGaps(centroids, k, d, halfGaps);
                ForEachChunk(n, (first, end) => AssignBounded(data, centroids, k, labels, upper, lower, shifts, halfGaps, first, end));
            }
            else
            {
                ForEachChunk(n, (first, end) => AssignAll(data, centroids, k, labels, upper, lower, first, end));
                boundsValid = true;
            }

            Array.Clear(counts);
            foreach (var label in labels)
            {
                counts[label]++;
            }

            if (Array.IndexOf(counts, 0) >= 0)
            {
                // Rare: relocation needs every row's exact distance (the same labels as above) and moves rows.
                CentroidAssignment.Assign(data, null, n, centroids, k, labels, distances);
                KMeans.RelocateEmptyClusters(labels, distances, counts, k);
                boundsValid = false;
            }

            centroids.CopyTo(previousCentroids, 0);
            var shift = KMeans.UpdateCentroids(data, labels, centroids, sums, counts, k);
            if (labels.AsSpan().SequenceEqual(previousLabels) || shift <= tolerance)
            {
                break;
            }

            for (var c = 0; c < k; c++)
            {
                shifts[c] = Math.Sqrt(VectorKernels.SquaredDistance(
                    centroids.AsSpan(c * d, d), previousCentroids.AsSpan(c * d, d)));
            }
        }

        var inertia = CentroidAssignment.Assign(data, null, n, centroids, k, labels, distances);
        return new KMeansResult(labels, new DenseMatrix(k, d, centroids), inertia, iterations);
    }

    /// <summary>Every distance of the rows [first, end), as Lloyd: nearest (lowest index on ties) and second nearest.</summary>
    private static void AssignAll(
        DenseMatrix data, float[] centroids, int k, int[] labels, double[] upper, double[] lower, int first, int end)
    {
        var distances = new double[k];
        for (var i = first; i < end; i++)
        {
            Scan(data.Row(i), centroids, distances, out labels[i], out upper[i], out lower[i]);
        }
    }

    private static void AssignBounded(
        DenseMatrix data, float[] centroids, int k, int[] labels, double[] upper, double[] lower, double[] shifts,
        double[] halfGaps, int first, int end)
    {
        // The largest shift among the other centroids lowers each row's lower bound.
        int largest = 0;
        for (var c = 1; c < k; c++)
        {
            if (shifts[c] > shifts[largest])
            {
                largest = c;
            }
        }

        var secondLargest = 0.0;
        for (var c = 0; c < k; c++)
        {
            if (c != largest)
            {
                secondLargest = Math.Max(secondLargest, shifts[c]);
            }
        }

        var d = data.Columns;
        var distances = new double[k];
        for (var i = first; i < end; i++)
        {
            var label = labels[i];
            upper[i] += shifts[label];
            lower[i] -= label == largest ? secondLargest : shifts[largest];
            var bound = Math.Max(halfGaps[label], lower[i]);
            if (Safe(upper[i], bound))
            {
                continue;
            }

            var row = data.Row(i);
            upper[i] = Math.Sqrt(VectorKernels.SquaredDistance(row, centroids.AsSpan(label * d, d)));
            if (Safe(upper[i], bound))
            {
                continue;
            }

            Scan(row, centroids, distances, out labels[i], out upper[i], out lower[i]);
        }
    }

    /// <summary>Lloyd's nearest centroid (strictly smaller wins, so the lowest index on ties), and the distances to the
    /// nearest and the second nearest; <paramref name="distances"/> (one per centroid) is scratch.</summary>
    private static void Scan(ReadOnlySpan<float> row, float[] centroids, double[] distances, out int label, out double nearest, out double second)
    {
        VectorKernels.SquaredDistances(row, centroids.AsSpan(0, distances.Length * row.Length), distances);
        label = 0;
        var best = double.PositiveInfinity;
        var runnerUp = double.PositiveInfinity;
        for (var c = 0; c < distances.Length; c++)
        {
            var distance = distances[c];
            if (distance < best)
            {
                runnerUp = best;
                best = distance;
                label = c;
            }
            else if (distance < runnerUp)
            {
                runnerUp = distance;
            }
        }

        nearest = Math.Sqrt(best);
        second = Math.Sqrt(runnerUp);
    }

    private static bool Safe(double upperBound, double lowerBound) => upperBound * (1 + Margin) < lowerBound * (1 - Margin);

    /// <summary>Half the distance from each centroid to its nearest other centroid (+∞ when k = 1).</summary>
    private static void HalfGaps(float[] centroids, int k, int d, double[] halfGaps)
    {
        Array.Fill(halfGaps, double.PositiveInfinity);
        for (var a = 0; a < k; a++)
        {
            for (var b = a + 1; b < k; b++)
            {
                var half = 0.5 * Math.Sqrt(VectorKernels.SquaredDistance(centroids.AsSpan(a * d, d), centroids.AsSpan(b * d, d)));
                halfGaps[a] = Math.Min(halfGaps[a], half);
                halfGaps[b] = Math.Min(halfGaps[b], half);
            }
        }
    }

    private static void ForEachChunk(int rows, Action<int, int> work)
    {
        var chunks = (rows + ChunkRows - 1) / ChunkRows;
        if (chunks == 1)
        {
            work(0, rows);
            return;
        }

        Parallel.For(0, chunks, chunk => work(chunk * ChunkRows, Math.Min(rows, (chunk + 1) * ChunkRows)));
    }
}
