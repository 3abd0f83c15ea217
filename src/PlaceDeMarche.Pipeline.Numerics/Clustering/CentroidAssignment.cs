using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Clustering;

/// <summary>Nearest-centroid search (the k-means E-step), parallel over fixed row chunks.</summary>
internal static class CentroidAssignment
{
    private const int ChunkRows = 512;

    /// <summary>
    /// For each selected row (all rows when <paramref name="rowIndices"/> is null) stores the nearest centroid
    /// (lowest index on ties) and its squared distance; returns the sum of those distances, added chunk by chunk in
    /// order so it is identical whatever the thread scheduling.
    /// </summary>
    public static double Assign(
        DenseMatrix data, int[]? rowIndices, int count, float[] centroids, int clusterCount, int[] labels, double[] distances)
    {
        var columns = data.Columns;
        var chunks = (count + ChunkRows - 1) / ChunkRows;
        var partialSums = new double[chunks];
        void AssignChunk(int chunk)
        {
            var end = Math.Min(count, (chunk + 1) * ChunkRows);
            var sum = 0.0;
            var centroidDistances = new double[clusterCount];
            for (var position = chunk * ChunkRows; position < end; position++)
            {
                var row = data.Row(rowIndices?[position] ?? position);
                VectorKernels.SquaredDistances(row, centroids.AsSpan(0, clusterCount * columns), centroidDistances);
                var best = 0;
                var bestDistance = double.PositiveInfinity;
                for (var c = 0; c < clusterCount; c++)
                {
                    var distance = centroidDistances[c];
                    if (distance < bestDistance)
                    {
                        bestDistance = distance;
                        best = c;
                    }
                }

                labels[position] = best;
                distances[position] = bestDistance;
                sum += bestDistance;
            }

            partialSums[chunk] = sum;
        }

        if (chunks == 1)
        {
            AssignChunk(0);
        }
        else
        {
            Parallel.For(0, chunks, AssignChunk);
        }

        var total = 0.0;
        foreach (var partial in partialSums)
        {
            total += partial;
        }

        return total;
    }
}
