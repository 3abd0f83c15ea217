using System.Runtime.Intrinsics;
using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// Exact t-SNE (van der Maaten &amp; Hinton 2008) into two dimensions, following scikit-learn's 'exact' method:
/// perplexity-calibrated Gaussian affinities, Student-t similarities, early exaggeration, momentum gradient descent
/// with delta-bar-delta gains. The O(n²) gradient is vectorised over neighbours and parallel over rows; each row is
/// summed by one task and rows are combined in index order, so a seed always gives the same embedding.
/// </summary>
public static class TSne
{
    private const int CheckInterval = 50;
    private const int ChunkRows = 16;
    private const double MachineEpsilon = 2.220446049250313e-16;
    private const double InitialScale = 1e-4;

    /// <summary>Embeds the rows of <paramref name="data"/> in 2-D.</summary>
    public static TSneResult Fit(DenseMatrix data, TSneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TSneOptions();
        options.Validate(data.Rows);
        data.EnsureFinite("t-SNE");

        var n = data.Rows;
        var distances = PairwiseDistances.SquaredEuclidean(data);
        var conditional = PerplexityCalibration.ConditionalProbabilities(distances, n, options.Perplexity);
        var objective = new Objective(JointProbabilities(conditional, n), n);
        var positions = InitialPositions(data, options);
        var learningRate = options.LearningRate ?? Math.Max(n / options.EarlyExaggeration / 4.0, 50.0);

        var exploration = Math.Min(options.ExplorationIterations, options.MaxIterations);
        var iterations = Descend(
            objective, positions, 0, exploration, options.EarlyExaggeration, options.InitialMomentum, exploration,
            learningRate, options);
        iterations += Descend(
            objective, positions, exploration, options.MaxIterations, 1.0, options.FinalMomentum,
            options.MaxIterationsWithoutProgress, learningRate, options);

        var divergence = objective.Evaluate(positions, 1.0, new double[2 * n], computeDivergence: true);
        var embedding = new DenseMatrix(n, 2, Array.ConvertAll(positions, value => (float)value));
        return new TSneResult(embedding, divergence, iterations);
    }

    /// <summary>One optimisation phase over iterations [first, end); gains and velocities restart at each phase, as
    /// in scikit-learn. Returns the number of iterations run.</summary>
    private static int Descend(
        Objective objective,
        double[] positions,
        int first,
        int end,
        double exaggeration,
        double momentum,
        int maxWithoutProgress,
        double learningRate,
        TSneOptions options)
    {
        var gradient = new double[positions.Length];
        var update = new double[positions.Length];
        var gains = new double[positions.Length];
        Array.Fill(gains, 1.0);
        var bestDivergence = double.MaxValue;
        var bestIteration = first;
        for (var iteration = first; iteration < end; iteration++)
        {
            var check = (iteration + 1) % CheckInterval == 0;
            var divergence = objective.Evaluate(positions, exaggeration, gradient, check);
            var squaredNorm = 0.0;
            for (var c = 0; c < positions.Length; c++)
            {
                gains[c] = update[c] * gradient[c] < 0.0 ? gains[c] + 0.2 : gains[c] * 0.8;
                gains[c] = Math.Max(gains[c], options.MinGain);
                var step = gradient[c] * gains[c];
                squaredNorm += step * step;
                update[c] = momentum * update[c] - learningRate * step;
                positions[c] += update[c];
            }

            if (!check)
            {
                continue;
            }

            if (divergence < bestDivergence)
            {
                bestDivergence = divergence;
                bestIteration = iteration;
            }
            else if (iteration - bestIteration > maxWithoutProgress)
            {
                return iteration - first + 1;
            }

            if (Math.Sqrt(squaredNorm) <= options.MinGradientNorm)
            {
                return iteration - first + 1;
            }
        }

        return Math.Max(end - first, 0);
    }

    /// <summary>Symmetrised joint probabilities (p(j|i) + p(i|j)) / Σ, floored at machine epsilon off the diagonal.</summary>
    private static float[] JointProbabilities(double[] conditional, int n)
    {
        var total = 0.0;
        foreach (var value in conditional)
        {
            total += value;
        }

        total = Math.Max(2.0 * total, MachineEpsilon);
        var joint = new float[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j)
                {
                    var value = (conditional[i * n + j] + conditional[j * n + i]) / total;
                    joint[i * n + j] = (float)Math.Max(value, MachineEpsilon);
                }
            }
        }

        return joint;
    }

    /// <summary>Starting positions, row-major (x₀, y₀, x₁, y₁, …).</summary>
    private static double[] InitialPositions(DenseMatrix data, TSneOptions options)
    {
        var n = data.Rows;
        var positions = new double[2 * n];
        if (options.Initialization == TSneInitialization.Random)
        {
            var random = Xoshiro256StarStar.ForStream(options.Seed, 0);
            for (var c = 0; c < positions.Length; c++)
            {
                positions[c] = InitialScale * random.NextGaussian();
            }

            return positions;
        }

        if (data.Columns < 2)
        {
            throw new ArgumentException(
                $"PCA initialisation needs at least 2 features but the data has {data.Columns}; use Random initialisation.");
        }

        var projection = Pca.Fit(data, PcaOptions.WithComponentCount(2)).Projection;
        double mean = 0, squares = 0;
        for (var i = 0; i < n; i++)
        {
            mean += projection[i, 0];
        }

        mean /= n;
        for (var i = 0; i < n; i++)
        {
            var deviation = projection[i, 0] - mean;
            squares += deviation * deviation;
        }

        var deviationOfFirst = Math.Sqrt(squares / n);
        if (deviationOfFirst == 0)
        {
            throw new ArgumentException("PCA initialisation failed: all samples are identical; use Random initialisation.");
        }

        for (var c = 0; c < positions.Length; c++)
        {
            positions[c] = projection.Data[c] / deviationOfFirst * InitialScale;
        }

        return positions;
    }

    /// <summary>KL(P‖Q) and its gradient for the current positions.</summary>
    private sealed class Objective(float[] joint, int n)
    {
        private readonly float[] _xs = new float[n];
        private readonly float[] _ys = new float[n];
        private readonly double[] _rowSimilarity = new double[n];
        private readonly double[] _attraction = new double[2 * n];
        private readonly double[] _repulsion = new double[2 * n];
        private readonly double[] _rowDivergence = new double[n];

        /// <summary>Fills <paramref name="gradient"/>; returns the divergence (NaN unless requested).</summary>
        public double Evaluate(double[] positions, double exaggeration, double[] gradient, bool computeDivergence)
        {
            for (var i = 0; i < n; i++)
            {
                _xs[i] = (float)positions[2 * i];
                _ys[i] = (float)positions[2 * i + 1];
            }

            var chunks = (n + ChunkRows - 1) / ChunkRows;
            Parallel.For(0, chunks, chunk =>
            {
                var end = Math.Min(n, (chunk + 1) * ChunkRows);
                for (var i = chunk * ChunkRows; i < end; i++)
                {
                    AccumulateRow(i);
                }
            });

            // Z = Σᵢ Σⱼ (1 + ‖yᵢ − yⱼ‖²)⁻¹, summed in row order for reproducibility.
            var normaliser = 0.0;
            foreach (var rowSum in _rowSimilarity)
            {
                normaliser += rowSum;
            }

            for (var c = 0; c < gradient.Length; c++)
            {
                gradient[c] = 4.0 * (exaggeration * _attraction[c] - _repulsion[c] / normaliser);
            }

            return computeDivergence ? Divergence(exaggeration, normaliser, chunks) : double.NaN;
        }

        /// <summary>Row i's sums Σⱼ qᵢⱼ, Σⱼ pᵢⱼqᵢⱼ(yᵢ − yⱼ) and Σⱼ qᵢⱼ²(yᵢ − yⱼ) with qᵢⱼ unnormalised, j ≠ i.</summary>
        private void AccumulateRow(int i)
        {
            var xi = _xs[i];
            var yi = _ys[i];
            var broadcastX = Vector256.Create(xi);
            var broadcastY = Vector256.Create(yi);
            var one = Vector256<float>.One;
            Vector256<float> similarity = default, attractX = default, attractY = default, repelX = default, repelY = default;
            float similarityTail = 0, attractXTail = 0, attractYTail = 0, repelXTail = 0, repelYTail = 0;
            var probabilities = joint.AsSpan(i * n, n);
            for (var range = 0; range < 2; range++)
            {
                var j = range == 0 ? 0 : i + 1;
                var end = range == 0 ? i : n;
                for (; j <= end - 8; j += 8)
                {
                    var dx = broadcastX - Vector256.Create(_xs.AsSpan(j, 8));
                    var dy = broadcastY - Vector256.Create(_ys.AsSpan(j, 8));
                    var q = one / (one + dx * dx + dy * dy);
                    var pq = Vector256.Create(probabilities.Slice(j, 8)) * q;
                    var qq = q * q;
                    similarity += q;
                    attractX += pq * dx;
                    attractY += pq * dy;
                    repelX += qq * dx;
                    repelY += qq * dy;
                }

                for (; j < end; j++)
                {
                    var dx = xi - _xs[j];
                    var dy = yi - _ys[j];
                    var q = 1f / (1f + dx * dx + dy * dy);
                    var pq = probabilities[j] * q;
                    var qq = q * q;
                    similarityTail += q;
                    attractXTail += pq * dx;
                    attractYTail += pq * dy;
                    repelXTail += qq * dx;
                    repelYTail += qq * dy;
                }
            }

            _rowSimilarity[i] = (double)VectorKernels.HorizontalSum(similarity) + similarityTail;
            _attraction[2 * i] = (double)VectorKernels.HorizontalSum(attractX) + attractXTail;
            _attraction[2 * i + 1] = (double)VectorKernels.HorizontalSum(attractY) + attractYTail;
            _repulsion[2 * i] = (double)VectorKernels.HorizontalSum(repelX) + repelXTail;
            _repulsion[2 * i + 1] = (double)VectorKernels.HorizontalSum(repelY) + repelYTail;
        }

        /// <summary>Σᵢ≠ⱼ p′ᵢⱼ log(p′ᵢⱼ / max(qᵢⱼ / Z, ε)) with p′ = exaggeration × p, as scikit-learn reports it.</summary>
        private double Divergence(double exaggeration, double normaliser, int chunks)
        {
            Parallel.For(0, chunks, chunk =>
            {
                var end = Math.Min(n, (chunk + 1) * ChunkRows);
                for (var i = chunk * ChunkRows; i < end; i++)
                {
                    var sum = 0.0;
                    for (var j = 0; j < n; j++)
                    {
                        if (j == i)
                        {
                            continue;
                        }

                        double dx = _xs[i] - _xs[j], dy = _ys[i] - _ys[j];
                        var q = Math.Max(1.0 / (1.0 + dx * dx + dy * dy) / normaliser, MachineEpsilon);
                        var p = exaggeration * joint[i * n + j];
                        sum += p * Math.Log(p / q);
                    }

                    _rowDivergence[i] = sum;
                }
            });

            var total = 0.0;
            foreach (var rowDivergence in _rowDivergence)
            {
                total += rowDivergence;
            }

            return total;
        }
    }
}
