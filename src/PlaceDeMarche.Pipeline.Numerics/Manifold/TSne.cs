using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// t-SNE (van der Maaten &amp; Hinton 2008) into two dimensions, following scikit-learn's optimiser: perplexity-
/// calibrated Gaussian affinities over nearest neighbours (<see cref="NeighbourAffinities"/>, the P of scikit-learn's
/// default Barnes-Hut method), Student-t similarities, early exaggeration, momentum gradient descent with
/// delta-bar-delta gains. The repulsion is computed over all pairs, not approximated: at n ≈ 1000 one vectorised
/// pass over the n(n − 1)/2 pairs is cheaper than a space-partitioning tree. A run is single-threaded with a fixed
/// summation order, so a seed always gives the same embedding and runs can be parallel over seeds.
/// </summary>
public static class TSne
{
    private const int CheckInterval = 50;
    private const double MachineEpsilon = 2.220446049250313e-16;
    private const double InitialScale = 1e-4;

    /// <summary>Embeds the rows of <paramref name="data"/> in 2-D.</summary>
    public static TSneResult Fit(DenseMatrix data, TSneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TSneOptions();
        return Fit(data, TSneAffinities.Compute(data, options.Perplexity), options);
    }

    /// <summary>Embeds the rows of <paramref name="data"/> in 2-D from affinities computed beforehand (e.g. shared
    /// by several seeds); they must come from the same data and perplexity.</summary>
    public static TSneResult Fit(DenseMatrix data, TSneAffinities affinities, TSneOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(affinities);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(data.Rows);
        if (affinities.Rows != data.Rows || affinities.Perplexity != options.Perplexity)
        {
            throw new ArgumentException(
                $"The affinities were computed for {affinities.Rows} rows at perplexity {affinities.Perplexity}, not {data.Rows} rows at {options.Perplexity}.",
                nameof(affinities));
        }

        var n = data.Rows;
        var objective = new Objective(affinities.Joint);
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

    /// <summary>
    /// KL(P‖Q) and its gradient for the current positions. The repulsion visits each pair once: row i's share stays in
    /// registers while pair (i, j)'s opposite share is added to j's entry. The attraction runs over P's rows padded
    /// to whole vectors with zero-probability entries (column i itself), so it needs no scalar tail.
    /// </summary>
    private sealed class Objective
    {
        private const int Lanes = 8;

        private readonly int n;
        private readonly int[] _rowStarts;
        private readonly int[] _columns;
        private readonly float[] _probabilities;
        private readonly float[] _xs;
        private readonly float[] _ys;
        private readonly float[] _repulsionX;
        private readonly float[] _repulsionY;
        private readonly double[] _attraction;

        public Objective(SparseRowMatrix joint)
        {
            n = joint.Rows;
            _xs = new float[n];
            _ys = new float[n];
            _repulsionX = new float[n];
            _repulsionY = new float[n];
            _attraction = new double[2 * n];
            _rowStarts = new int[n + 1];
            for (var i = 0; i < n; i++)
            {
                var count = joint.RowPointers[i + 1] - joint.RowPointers[i];
                _rowStarts[i + 1] = _rowStarts[i] + (count + Lanes - 1) / Lanes * Lanes;
            }

            _columns = new int[_rowStarts[n]];
            _probabilities = new float[_rowStarts[n]];
            for (var i = 0; i < n; i++)
            {
                var (columns, values) = joint.Row(i);
                columns.CopyTo(_columns.AsSpan(_rowStarts[i]));
                values.CopyTo(_probabilities.AsSpan(_rowStarts[i]));
                _columns.AsSpan(_rowStarts[i] + columns.Length, _rowStarts[i + 1] - _rowStarts[i] - columns.Length).Fill(i);
            }
        }

        /// <summary>Fills <paramref name="gradient"/>; returns the divergence (NaN unless requested).</summary>
        public double Evaluate(double[] positions, double exaggeration, double[] gradient, bool computeDivergence)
        {
            for (var i = 0; i < n; i++)
            {
                _xs[i] = (float)positions[2 * i];
                _ys[i] = (float)positions[2 * i + 1];
            }

            // Z = Σᵢ≠ⱼ (1 + ‖yᵢ − yⱼ‖²)⁻¹ = 2 Σᵢ&lt;ⱼ.
            var normaliser = 2.0 * AccumulateRepulsion();
            AccumulateAttraction();
            for (var i = 0; i < n; i++)
            {
                gradient[2 * i] = 4.0 * (exaggeration * _attraction[2 * i] - _repulsionX[i] / normaliser);
                gradient[2 * i + 1] = 4.0 * (exaggeration * _attraction[2 * i + 1] - _repulsionY[i] / normaliser);
            }

            return computeDivergence ? Divergence(exaggeration, normaliser) : double.NaN;
        }

        /// <summary>
        /// Σⱼ≠ᵢ qᵢⱼ²(yᵢ − yⱼ) into the repulsion arrays with qᵢⱼ unnormalised; returns Σᵢ&lt;ⱼ qᵢⱼ, each row summed in
        /// float lanes and the rows in double, in index order.
        /// </summary>
        private double AccumulateRepulsion()
        {
            Array.Clear(_repulsionX);
            Array.Clear(_repulsionY);
            ref var xs = ref MemoryMarshal.GetArrayDataReference(_xs);
            ref var ys = ref MemoryMarshal.GetArrayDataReference(_ys);
            ref var forceX = ref MemoryMarshal.GetArrayDataReference(_repulsionX);
            ref var forceY = ref MemoryMarshal.GetArrayDataReference(_repulsionY);
            var one = Vector256<float>.One;
            var total = 0.0;
            for (var i = 0; i < n; i++)
            {
                var xi = _xs[i];
                var yi = _ys[i];
                var broadcastX = Vector256.Create(xi);
                var broadcastY = Vector256.Create(yi);
                Vector256<float> similarity = default, rowX = default, rowY = default;
                Vector256<float> similarity2 = default, rowX2 = default, rowY2 = default;
                var j = i + 1;
                // Two independent accumulator sets halve the loop-carried add chains (the loop is latency-bound).
                for (; j <= n - 2 * Lanes; j += 2 * Lanes)
                {
                    var offset = (nuint)j;
                    var offset2 = offset + Lanes;
                    var dx = broadcastX - Vector256.LoadUnsafe(ref xs, offset);
                    var dy = broadcastY - Vector256.LoadUnsafe(ref ys, offset);
                    var dx2 = broadcastX - Vector256.LoadUnsafe(ref xs, offset2);
                    var dy2 = broadcastY - Vector256.LoadUnsafe(ref ys, offset2);
                    var q = one / (one + dx * dx + dy * dy);
                    var q2 = one / (one + dx2 * dx2 + dy2 * dy2);
                    var qq = q * q;
                    var qq2 = q2 * q2;
                    var fx = qq * dx;
                    var fy = qq * dy;
                    var fx2 = qq2 * dx2;
                    var fy2 = qq2 * dy2;
                    similarity += q;
                    rowX += fx;
                    rowY += fy;
                    similarity2 += q2;
                    rowX2 += fx2;
                    rowY2 += fy2;
                    (Vector256.LoadUnsafe(ref forceX, offset) - fx).StoreUnsafe(ref forceX, offset);
                    (Vector256.LoadUnsafe(ref forceY, offset) - fy).StoreUnsafe(ref forceY, offset);
                    (Vector256.LoadUnsafe(ref forceX, offset2) - fx2).StoreUnsafe(ref forceX, offset2);
                    (Vector256.LoadUnsafe(ref forceY, offset2) - fy2).StoreUnsafe(ref forceY, offset2);
                }

                similarity += similarity2;
                rowX += rowX2;
                rowY += rowY2;
                for (; j <= n - Lanes; j += Lanes)
                {
                    var offset = (nuint)j;
                    var dx = broadcastX - Vector256.LoadUnsafe(ref xs, offset);
                    var dy = broadcastY - Vector256.LoadUnsafe(ref ys, offset);
                    var q = one / (one + dx * dx + dy * dy);
                    var qq = q * q;
                    var fx = qq * dx;
                    var fy = qq * dy;
                    similarity += q;
                    rowX += fx;
                    rowY += fy;
                    (Vector256.LoadUnsafe(ref forceX, offset) - fx).StoreUnsafe(ref forceX, offset);
                    (Vector256.LoadUnsafe(ref forceY, offset) - fy).StoreUnsafe(ref forceY, offset);
                }

                float similarityTail = 0, rowXTail = 0, rowYTail = 0;
                for (; j < n; j++)
                {
                    var dx = xi - _xs[j];
                    var dy = yi - _ys[j];
                    var q = 1f / (1f + dx * dx + dy * dy);
                    var qq = q * q;
                    similarityTail += q;
                    rowXTail += qq * dx;
                    rowYTail += qq * dy;
                    _repulsionX[j] -= qq * dx;
                    _repulsionY[j] -= qq * dy;
                }

                total += (double)VectorKernels.HorizontalSum(similarity) + similarityTail;
                _repulsionX[i] += VectorKernels.HorizontalSum(rowX) + rowXTail;
                _repulsionY[i] += VectorKernels.HorizontalSum(rowY) + rowYTail;
            }

            return total;
        }

        /// <summary>Σⱼ pᵢⱼqᵢⱼ(yᵢ − yⱼ) over each padded row of P, qᵢⱼ unnormalised.</summary>
        private void AccumulateAttraction()
        {
            ref var columns = ref MemoryMarshal.GetArrayDataReference(_columns);
            ref var probabilities = ref MemoryMarshal.GetArrayDataReference(_probabilities);
            var one = Vector256<float>.One;
            for (var i = 0; i < n; i++)
            {
                var broadcastX = Vector256.Create(_xs[i]);
                var broadcastY = Vector256.Create(_ys[i]);
                Vector256<float> rowX = default, rowY = default;
                for (var e = _rowStarts[i]; e < _rowStarts[i + 1]; e += Lanes)
                {
                    ref var neighbours = ref Unsafe.Add(ref columns, e);
                    var dx = broadcastX - Gather(_xs, ref neighbours);
                    var dy = broadcastY - Gather(_ys, ref neighbours);
                    var weight = Vector256.LoadUnsafe(ref probabilities, (nuint)e) / (one + dx * dx + dy * dy);
                    rowX += weight * dx;
                    rowY += weight * dy;
                }

                _attraction[2 * i] = VectorKernels.HorizontalSum(rowX);
                _attraction[2 * i + 1] = VectorKernels.HorizontalSum(rowY);
            }
        }

        /// <summary>The eight values at the indices starting at <paramref name="indices"/> (all valid rows).</summary>
        private static Vector256<float> Gather(float[] values, ref int indices) =>
            Vector256.Create(
                values[indices], values[Unsafe.Add(ref indices, 1)], values[Unsafe.Add(ref indices, 2)],
                values[Unsafe.Add(ref indices, 3)], values[Unsafe.Add(ref indices, 4)], values[Unsafe.Add(ref indices, 5)],
                values[Unsafe.Add(ref indices, 6)], values[Unsafe.Add(ref indices, 7)]);

        /// <summary>
        /// Σᵢ≠ⱼ p′ᵢⱼ log(p′ᵢⱼ / max(qᵢⱼ / Z, ε)) with p′ = exaggeration × p, as scikit-learn reports it; pairs outside
        /// the neighbourhoods (and the padding) have p = 0 and add nothing.
        /// </summary>
        private double Divergence(double exaggeration, double normaliser)
        {
            var total = 0.0;
            for (var i = 0; i < n; i++)
            {
                for (var e = _rowStarts[i]; e < _rowStarts[i + 1]; e++)
                {
                    var p = exaggeration * _probabilities[e];
                    if (p > 0)
                    {
                        double dx = _xs[i] - _xs[_columns[e]], dy = _ys[i] - _ys[_columns[e]];
                        var q = Math.Max(1.0 / (1.0 + dx * dx + dy * dy) / normaliser, MachineEpsilon);
                        total += p * Math.Log(p / q);
                    }
                }
            }

            return total;
        }
    }
}
