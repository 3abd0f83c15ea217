using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Clustering;

/// <summary>Greedy k-means++ seeding (Arthur &amp; Vassilvitskii, with 2 + ⌊ln k⌋ candidates per step, keeping the
/// one that lowers the potential most, as scikit-learn does).</summary>
internal static class KMeansPlusPlus
{
    private const int ChunkRows = 1024;

    /// <summary>Chooses <paramref name="clusterCount"/> initial centroids among the given rows of
    /// <paramref name="data"/> and returns them row-major (k × columns).</summary>
    public static float[] Initialize(DenseMatrix data, int[] rowIndices, int clusterCount, Xoshiro256StarStar random)
    {
        var columns = data.Columns;
        var count = rowIndices.Length;
        var centroids = new float[clusterCount * columns];
        var trials = 2 + (int)Math.Log(clusterCount);
        var closest = new double[count];
        var candidateDistances = new double[trials][];
        for (var t = 0; t < trials; t++)
        {
            candidateDistances[t] = new double[count];
        }

        Array.Fill(closest, double.PositiveInfinity);
        var first = rowIndices[random.NextInt(count)];
        var potential = DistancesTo(data, rowIndices, data.Row(first).ToArray(), closest, closest);
        data.Row(first).CopyTo(centroids.AsSpan(0, columns));
        var candidates = new int[trials];
        for (var c = 1; c < clusterCount; c++)
        {
            for (var t = 0; t < trials; t++)
            {
                candidates[t] = potential > 0 ? SampleProportional(closest, random.NextDouble() * potential) : random.NextInt(count);
            }

            var bestTrial = 0;
            var bestPotential = double.PositiveInfinity;
            for (var t = 0; t < trials; t++)
            {
                var trialPotential = DistancesTo(
                    data, rowIndices, data.Row(rowIndices[candidates[t]]).ToArray(), closest, candidateDistances[t]);
                if (trialPotential < bestPotential)
                {
                    bestPotential = trialPotential;
                    bestTrial = t;
                }
            }

            potential = bestPotential;
            candidateDistances[bestTrial].CopyTo(closest, 0);
            data.Row(rowIndices[candidates[bestTrial]]).CopyTo(centroids.AsSpan(c * columns, columns));
        }

        return centroids;
    }

    /// <summary>result[i] = min(current[i], ‖row_i − centre‖²); returns their sum, added in fixed chunks so the
    /// total does not depend on thread scheduling.</summary>
    private static double DistancesTo(
        DenseMatrix data, int[] rowIndices, float[] centre, double[] current, double[] result)
    {
        var chunks = (rowIndices.Length + ChunkRows - 1) / ChunkRows;
        var partialSums = new double[chunks];
        void Compute(int chunk)
        {
            var end = Math.Min(rowIndices.Length, (chunk + 1) * ChunkRows);
            var sum = 0.0;
            for (var i = chunk * ChunkRows; i < end; i++)
            {
                result[i] = Math.Min(current[i], VectorKernels.SquaredDistance(data.Row(rowIndices[i]), centre));
                sum += result[i];
            }

            partialSums[chunk] = sum;
        }

        if (chunks == 1)
        {
            Compute(0);
        }
        else
        {
            Parallel.For(0, chunks, Compute);
        }

        var total = 0.0;
        foreach (var partial in partialSums)
        {
            total += partial;
        }

        return total;
    }

    /// <summary>First index whose cumulative weight reaches <paramref name="target"/> (numpy searchsorted, left).</summary>
    private static int SampleProportional(double[] weights, double target)
    {
        var cumulative = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            if (cumulative >= target)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
