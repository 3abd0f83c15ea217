using PlaceDeMarche.Pipeline.Numerics.Compute;
using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>
/// t-SNE (van der Maaten &amp; Hinton 2008) into two dimensions, following scikit-learn's optimiser: perplexity-
/// calibrated Gaussian affinities over nearest neighbours (<see cref="NeighbourAffinities"/>, the P of scikit-learn's
/// default Barnes-Hut method), Student-t similarities, early exaggeration, momentum gradient descent with
/// delta-bar-delta gains. The repulsion is computed over all pairs (<see cref="ExactGradient"/>, single-threaded, the
/// cheapest at n ≈ 1000) or approximated with a quadtree (<see cref="BarnesHutGradient"/>, parallel), chosen by
/// <see cref="TSneOptions.Method"/>. Both have a fixed summation order, so a seed always gives the same embedding.
/// </summary>
public static class TSne
{
    private const int CheckInterval = 50;
    private const double InitialScale = 1e-4;

    /// <summary>Embeds the rows of <paramref name="data"/> in 2-D, the gradient's terms on <paramref name="backend"/>
    /// (the CPU when null).</summary>
    public static TSneResult Fit(DenseMatrix data, TSneOptions? options = null, ComputeBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TSneOptions();
        return Fit(data, TSneAffinities.Compute(data, options), options, backend);
    }

    /// <summary>Embeds the rows of <paramref name="data"/> in 2-D from affinities computed beforehand (e.g. shared
    /// by several seeds); they must come from the same data and perplexity. The gradient's terms run on
    /// <paramref name="backend"/> (the CPU when null).</summary>
    public static TSneResult Fit(DenseMatrix data, TSneAffinities affinities, TSneOptions options, ComputeBackend? backend = null)
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
        var barnesHut = options.ResolveMethod(n) == TSneMethod.BarnesHut;
        using var kernels = ITSneGradientKernels.Open(backend ?? ComputeBackend.Cpu, affinities.Joint, parallel: barnesHut);
        ITSneGradient objective = barnesHut
            ? new BarnesHutGradient(n, options.Theta, kernels)
            : new ExactGradient(n, kernels);
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
        ITSneGradient objective,
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
}
