using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Metrics;

/// <summary>Silhouette coefficients with euclidean distance: s = (b − a) / max(a, b), where a is the mean distance
/// to the sample's own cluster and b to the nearest other cluster; 0 for samples alone in their cluster.</summary>
public static class Silhouette
{
    private const int ChunkRows = 16;

    /// <summary>Mean silhouette coefficient over all samples.</summary>
    public static double Score(DenseMatrix data, ReadOnlySpan<int> labels)
    {
        var samples = Samples(data, labels);
        var sum = 0.0;
        foreach (var value in samples)
        {
            sum += value;
        }

        return sum / samples.Length;
    }

    /// <summary>Silhouette coefficient of every sample. O(n²·features), parallel over rows with each row's sums taken
    /// in a fixed order.</summary>
    public static double[] Samples(DenseMatrix data, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (labels.Length != data.Rows)
        {
            throw new ArgumentException($"Got {labels.Length} labels for {data.Rows} samples.", nameof(labels));
        }

        var denseLabels = Densify(labels, out var clusterCount);
        if (clusterCount < 2 || clusterCount > data.Rows - 1)
        {
            throw new ArgumentException(
                $"The silhouette needs between 2 and n − 1 = {data.Rows - 1} clusters but the labels have {clusterCount}.",
                nameof(labels));
        }

        data.EnsureFinite("Silhouette");
        var sizes = new int[clusterCount];
        foreach (var label in denseLabels)
        {
            sizes[label]++;
        }

        var n = data.Rows;
        var coefficients = new double[n];
        Parallel.For(0, (n + ChunkRows - 1) / ChunkRows, chunk =>
        {
            var distanceSums = new double[clusterCount];
            var end = Math.Min(n, (chunk + 1) * ChunkRows);
            for (var i = chunk * ChunkRows; i < end; i++)
            {
                Array.Clear(distanceSums);
                var row = data.Row(i);
                for (var j = 0; j < n; j++)
                {
                    if (j != i)
                    {
                        distanceSums[denseLabels[j]] += Math.Sqrt(VectorKernels.SquaredDistance(row, data.Row(j)));
                    }
                }

                var own = denseLabels[i];
                if (sizes[own] == 1)
                {
                    continue;
                }

                var intra = distanceSums[own] / (sizes[own] - 1);
                var nearest = double.PositiveInfinity;
                for (var c = 0; c < clusterCount; c++)
                {
                    if (c != own)
                    {
                        nearest = Math.Min(nearest, distanceSums[c] / sizes[c]);
                    }
                }

                var scale = Math.Max(intra, nearest);
                coefficients[i] = scale > 0 ? (nearest - intra) / scale : 0.0;
            }
        });
        return coefficients;
    }

    private static int[] Densify(ReadOnlySpan<int> labels, out int count)
    {
        var index = new Dictionary<int, int>();
        var dense = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            if (!index.TryGetValue(labels[i], out var value))
            {
                value = index.Count;
                index[labels[i]] = value;
            }

            dense[i] = value;
        }

        count = index.Count;
        return dense;
    }
}
