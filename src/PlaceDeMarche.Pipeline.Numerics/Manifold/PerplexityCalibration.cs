namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// Gaussian neighbour probabilities p(j|i) whose per-row perplexity matches a target, found by bisection on the
/// precision β (p(j|i) ∝ exp(−β d²ᵢⱼ)) as in scikit-learn's _binary_search_perplexity.
/// </summary>
public static class PerplexityCalibration
{
    /// <summary>Stop once |entropy − ln(perplexity)| is below this (nats).</summary>
    public const double EntropyTolerance = 1e-5;

    /// <summary>Bisection steps per row.</summary>
    public const int MaxSteps = 50;

    private const int ChunkRows = 32;

    /// <summary>
    /// Row-stochastic conditional probabilities (n × n, row-major, zero diagonal) from squared distances.
    /// </summary>
    public static double[] ConditionalProbabilities(double[] squaredDistances, int count, double perplexity)
    {
        ArgumentNullException.ThrowIfNull(squaredDistances);
        if (squaredDistances.Length != (long)count * count)
        {
            throw new ArgumentException(
                $"Expected {count} x {count} squared distances but got {squaredDistances.Length} values.",
                nameof(squaredDistances));
        }

        if (!(perplexity > 0) || perplexity >= count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(perplexity), perplexity, $"The perplexity must be positive and below the number of samples ({count}).");
        }

        var probabilities = new double[count * count];
        var targetEntropy = Math.Log(perplexity);
        Parallel.For(0, (count + ChunkRows - 1) / ChunkRows, chunk =>
        {
            var end = Math.Min(count, (chunk + 1) * ChunkRows);
            for (var i = chunk * ChunkRows; i < end; i++)
            {
                CalibrateRow(
                    squaredDistances.AsSpan(i * count, count), probabilities.AsSpan(i * count, count), i, targetEntropy);
            }
        });
        return probabilities;
    }

    private static void CalibrateRow(ReadOnlySpan<double> distances, Span<double> row, int self, double targetEntropy)
    {
        double precision = 1.0, lower = double.NegativeInfinity, upper = double.PositiveInfinity;
        for (var step = 0; step < MaxSteps; step++)
        {
            var sum = 0.0;
            for (var j = 0; j < row.Length; j++)
            {
                row[j] = j == self ? 0.0 : Math.Exp(-distances[j] * precision);
                sum += row[j];
            }

            if (sum == 0.0)
            {
                sum = 1e-8;
            }

            var weightedDistance = 0.0;
            for (var j = 0; j < row.Length; j++)
            {
                row[j] /= sum;
                weightedDistance += distances[j] * row[j];
            }

            var difference = Math.Log(sum) + precision * weightedDistance - targetEntropy;
            if (Math.Abs(difference) <= EntropyTolerance)
            {
                return;
            }

            // Too much entropy means too wide a kernel: raise the precision.
            if (difference > 0)
            {
                lower = precision;
                precision = double.IsPositiveInfinity(upper) ? precision * 2.0 : (precision + upper) / 2.0;
            }
            else
            {
                upper = precision;
                precision = double.IsNegativeInfinity(lower) ? precision / 2.0 : (precision + lower) / 2.0;
            }
        }
    }
}
