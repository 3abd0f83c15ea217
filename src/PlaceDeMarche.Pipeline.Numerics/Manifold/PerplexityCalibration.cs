using System.Runtime.CompilerServices;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// Gaussian neighbour probabilities p(j|i) over each point's nearest neighbours whose per-row perplexity matches a
/// target, found by bisection on the precision β (p(j|i) ∝ exp(−β d²ᵢⱼ)) as in scikit-learn's
/// _binary_search_perplexity.
/// </summary>
public static class PerplexityCalibration
{
    /// <summary>Stop once |entropy − ln(perplexity)| is below this (nats).</summary>
    public const double EntropyTolerance = 1e-5;

    /// <summary>Bisection steps per row.</summary>
    public const int MaxSteps = 50;

    /// <summary>
    /// Conditional probabilities (rows × neighbours, row-major, each row summing to 1) from the squared distances of
    /// each row to its <paramref name="neighbours"/> nearest other points, laid out the same way.
    /// </summary>
    public static double[] ConditionalProbabilities(double[] neighbourDistances, int rows, int neighbours, double perplexity)
    {
        ArgumentNullException.ThrowIfNull(neighbourDistances);
        if (neighbours < 1 || neighbourDistances.Length != (long)rows * neighbours)
        {
            throw new ArgumentException(
                $"Expected {rows} x {neighbours} neighbour distances (at least one neighbour) but got {neighbourDistances.Length} values.",
                nameof(neighbourDistances));
        }

        if (!(perplexity > 0) || perplexity > neighbours)
        {
            throw new ArgumentOutOfRangeException(
                nameof(perplexity), perplexity, $"The perplexity must be positive and at most the number of neighbours ({neighbours}).");
        }

        var probabilities = new double[rows * neighbours];
        var targetEntropy = Math.Log(perplexity);
        for (var i = 0; i < rows; i++)
        {
            CalibrateRow(
                neighbourDistances.AsSpan(i * neighbours, neighbours), probabilities.AsSpan(i * neighbours, neighbours),
                targetEntropy);
        }

        return probabilities;
    }

    // Scalar Math.Exp rather than TensorPrimitives: a fit calibrates once per process, and the generic vector code
    // runs unoptimised until tiered JIT catches up, which cost more than the whole calibration when measured.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CalibrateRow(ReadOnlySpan<double> distances, Span<double> row, double targetEntropy)
    {
        double precision = 1.0, lower = double.NegativeInfinity, upper = double.PositiveInfinity;
        for (var step = 0; step < MaxSteps; step++)
        {
            var sum = 0.0;
            for (var j = 0; j < row.Length; j++)
            {
                row[j] = Math.Exp(-distances[j] * precision);
                sum += row[j];
            }

            sum = Math.Max(sum, 1e-8);
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
