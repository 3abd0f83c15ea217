using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>
/// Non-negative matrix factorisation X ≈ W·H under the Frobenius loss, following scikit-learn's NMF. H is kept
/// transposed (columns × k) so that both factors are updated by the same row-wise kernel, W against X and H against
/// Xᵀ. Rows of a factor are independent within an update, so they are processed in parallel; every sum has a
/// fixed order, so a seed always gives the same factors.
/// </summary>
public static class Nmf
{
    private const int ChunkRows = 256;

    // scikit-learn's thresholds: NNDSVD entries below 1e-6 become zero; multiplicative-update denominators that
    // are exactly zero become float32 epsilon.
    private const double NndsvdZeroThreshold = 1e-6;
    private const double DenominatorFloor = 1.1920928955078125e-7;
    private const int ErrorCheckInterval = 10;

    /// <summary>Factorises the non-negative sparse matrix <paramref name="data"/> (rows = samples).</summary>
    public static NmfResult Fit(SparseRowMatrix data, NmfOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(data.Rows, data.Columns);
        data.EnsureNonNegative("NMF");

        int n = data.Rows, d = data.Columns, k = options.Components;
        var (w, ht) = options.Init == NmfInitialization.Nndsvda
            ? InitializeNndsvda(data, options)
            : InitializeRandom(data, options);
        var transposed = data.Transpose();

        // scikit-learn scales the penalties of W by the column count and those of H by the row count.
        var penaltiesW = new Penalties(d * options.Alpha * options.L1Ratio, d * options.Alpha * (1 - options.L1Ratio));
        var penaltiesH = new Penalties(n * options.Alpha * options.L1Ratio, n * options.Alpha * (1 - options.L1Ratio));
        var crossW = new double[n * k];
        var crossH = new double[d * k];
        int iterations;
        if (options.Solver == NmfSolver.CoordinateDescent)
        {
            iterations = options.MaxIterations;
            var initialViolation = 0.0;
            for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
            {
                var violation = CoordinateDescentStep(data, ht, w, crossW, k, penaltiesW)
                    + CoordinateDescentStep(transposed, w, ht, crossH, k, penaltiesH);
                if (iteration == 1)
                {
                    initialViolation = violation;
                }

                if (initialViolation == 0.0 || violation / initialViolation <= options.Tolerance)
                {
                    iterations = iteration;
                    break;
                }
            }
        }
        else
        {
            iterations = options.MaxIterations;
            var initialError = ReconstructionError(data, w, ht, k);
            var previousError = initialError;
            for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
            {
                MultiplicativeStep(data, ht, w, crossW, k, penaltiesW);
                MultiplicativeStep(transposed, w, ht, crossH, k, penaltiesH);
                if (options.Tolerance > 0 && iteration % ErrorCheckInterval == 0)
                {
                    var error = ReconstructionError(data, w, ht, k);
                    if ((previousError - error) / initialError < options.Tolerance)
                    {
                        iterations = iteration;
                        break;
                    }

                    previousError = error;
                }
            }
        }

        var finalError = ReconstructionError(data, w, ht, k);
        return new NmfResult(
            new DenseMatrix(n, k, Array.ConvertAll(w, value => (float)value)),
            new DenseMatrix(k, d, Array.ConvertAll(MatrixProducts.Transpose(ht, d, k), value => (float)value)),
            finalError,
            iterations);
    }

    /// <summary>Factorises the non-negative dense matrix <paramref name="data"/>, through its sparse form.</summary>
    public static NmfResult Fit(DenseMatrix data, NmfOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.EnsureFinite("NMF");
        return Fit(SparseRowMatrix.FromDense(data), options);
    }

    /// <summary>
    /// One coordinate-descent sweep over <paramref name="factor"/> (rows × k) for X ≈ factor · otherᵀ, where X is
    /// <paramref name="matrix"/> and <paramref name="other"/> is the fixed factor (matrix.Columns × k). Returns the
    /// summed absolute projected gradient before the updates.
    /// </summary>
    private static double CoordinateDescentStep(
        SparseRowMatrix matrix, double[] other, double[] factor, double[] cross, int k, Penalties penalties)
    {
        var gram = PrepareProducts(matrix, other, cross, k, penalties);
        return SumOverRowChunks(matrix.Rows, (start, end) =>
        {
            var violation = 0.0;
            for (var i = start; i < end; i++)
            {
                var row = factor.AsSpan(i * k, k);
                for (var t = 0; t < k; t++)
                {
                    var gradient = VectorKernels.Dot(gram.AsSpan(t * k, k), row) - cross[i * k + t];
                    violation += Math.Abs(row[t] == 0.0 ? Math.Min(gradient, 0.0) : gradient);
                    var hessian = gram[t * k + t];
                    if (hessian != 0.0)
                    {
                        row[t] = Math.Max(row[t] - gradient / hessian, 0.0);
                    }
                }
            }

            return violation;
        });
    }

    /// <summary>One multiplicative update factor ← factor ∘ (X·other) / (factor·otherᵀ·other + l1 + l2·factor).</summary>
    private static void MultiplicativeStep(
        SparseRowMatrix matrix, double[] other, double[] factor, double[] cross, int k, Penalties penalties)
    {
        // The penalties enter the denominator here rather than the products, as in scikit-learn.
        var gram = PrepareProducts(matrix, other, cross, k, default);
        Parallel.For(0, (matrix.Rows + ChunkRows - 1) / ChunkRows, chunk =>
        {
            var denominators = new double[k];
            for (var i = chunk * ChunkRows; i < Math.Min(matrix.Rows, (chunk + 1) * ChunkRows); i++)
            {
                var row = factor.AsSpan(i * k, k);
                for (var t = 0; t < k; t++)
                {
                    var denominator = VectorKernels.Dot(gram.AsSpan(t * k, k), row) + penalties.L1 + penalties.L2 * row[t];
                    denominators[t] = denominator == 0.0 ? DenominatorFloor : denominator;
                }

                for (var t = 0; t < k; t++)
                {
                    row[t] *= cross[i * k + t] / denominators[t];
                }
            }
        });
    }

    /// <summary>Fills <paramref name="cross"/> with X·other − l1 and returns otherᵀ·other + l2·I (k × k).</summary>
    private static double[] PrepareProducts(SparseRowMatrix matrix, double[] other, double[] cross, int k, Penalties penalties)
    {
        matrix.Multiply(other, k, cross);
        if (penalties.L1 != 0.0)
        {
            for (var index = 0; index < cross.Length; index++)
            {
                cross[index] -= penalties.L1;
            }
        }

        var gram = ColumnGram(other, matrix.Columns, k);
        for (var t = 0; t < k; t++)
        {
            gram[t * k + t] += penalties.L2;
        }

        return gram;
    }

    /// <summary>aᵀ·a (k × k) for a row-major rows × k array.</summary>
    private static double[] ColumnGram(double[] a, int rows, int k)
    {
        var gram = new double[k * k];
        GramMatrix.AddProduct(MatrixProducts.Transpose(a, rows, k), k, rows, gram);
        return gram;
    }

    /// <summary>‖X − W·H‖ from ‖X‖² + ⟨WᵀW, HHᵀ⟩ − 2⟨X·Hᵀ, W⟩, which only visits the stored entries of X.</summary>
    private static double ReconstructionError(SparseRowMatrix data, double[] w, double[] ht, int k)
    {
        var gramW = ColumnGram(w, data.Rows, k);
        var gramH = ColumnGram(ht, data.Columns, k);
        var squaredProduct = VectorKernels.Dot(gramW, gramH);
        var squaredData = 0.0;
        foreach (var value in data.Values)
        {
            squaredData += (double)value * value;
        }

        var products = new double[data.Rows * k];
        data.Multiply(ht, k, products);
        var crossProduct = VectorKernels.Dot(w, products);
        return Math.Sqrt(Math.Max(squaredData + squaredProduct - 2.0 * crossProduct, 0.0));
    }

    /// <summary>Runs <paramref name="body"/> on fixed chunks of rows in parallel and adds the chunk results in
    /// chunk order, so the total does not depend on thread scheduling.</summary>
    private static double SumOverRowChunks(int rows, Func<int, int, double> body)
    {
        var partials = new double[(rows + ChunkRows - 1) / ChunkRows];
        Parallel.For(0, partials.Length, chunk =>
            partials[chunk] = body(chunk * ChunkRows, Math.Min(rows, (chunk + 1) * ChunkRows)));
        var total = 0.0;
        foreach (var partial in partials)
        {
            total += partial;
        }

        return total;
    }

    /// <summary>NNDSVD (Boutsidis &amp; Gallopoulos 2008): each singular pair is replaced by the dominant of its
    /// positive and negative parts; zeros are then filled with the data mean ('nndsvda').</summary>
    private static (double[] W, double[] Ht) InitializeNndsvda(SparseRowMatrix data, NmfOptions options)
    {
        int n = data.Rows, d = data.Columns, k = options.Components;
        var svd = TruncatedSvd.Fit(data, new TruncatedSvdOptions { Components = k, Seed = options.Seed });
        var w = new double[n * k];
        var ht = new double[d * k];
        for (var r = 0; r < k; r++)
        {
            var left = svd.LeftVectors.AsSpan(r * n, n);
            var right = svd.RightVectors.AsSpan(r * d, d);
            var singularValue = svd.SingularValues[r];
            if (r == 0)
            {
                // The leading singular pair of a non-negative matrix can be taken non-negative (Perron–Frobenius).
                var scale = Math.Sqrt(singularValue);
                SetColumn(w, k, r, left, scale, sign: 0);
                SetColumn(ht, k, r, right, scale, sign: 0);
                continue;
            }

            var (leftPositive, leftNegative) = PartNorms(left);
            var (rightPositive, rightNegative) = PartNorms(right);
            var positiveMass = leftPositive * rightPositive;
            var negativeMass = leftNegative * rightNegative;
            var usePositive = positiveMass > negativeMass;
            var mass = usePositive ? positiveMass : negativeMass;
            if (mass == 0.0)
            {
                continue;
            }

            var factor = Math.Sqrt(singularValue * mass);
            var sign = usePositive ? 1 : -1;
            SetColumn(w, k, r, left, factor / (usePositive ? leftPositive : leftNegative), sign);
            SetColumn(ht, k, r, right, factor / (usePositive ? rightPositive : rightNegative), sign);
        }

        var mean = data.Sum() / ((double)n * d);
        foreach (var factorValues in new[] { w, ht })
        {
            for (var index = 0; index < factorValues.Length; index++)
            {
                if (factorValues[index] < NndsvdZeroThreshold)
                {
                    factorValues[index] = mean;
                }
            }
        }

        return (w, ht);
    }

    /// <summary>Writes column <paramref name="column"/> of a rows × k factor: scale·|v| when sign is 0, otherwise
    /// scale times the part of v with that sign (as a non-negative vector).</summary>
    private static void SetColumn(double[] factor, int k, int column, ReadOnlySpan<double> vector, double scale, int sign)
    {
        for (var i = 0; i < vector.Length; i++)
        {
            var value = sign == 0 ? Math.Abs(vector[i]) : Math.Max(sign * vector[i], 0.0);
            factor[i * k + column] = scale * value;
        }
    }

    /// <summary>Euclidean norms of the positive part and of the negative part of <paramref name="vector"/>.</summary>
    private static (double Positive, double Negative) PartNorms(ReadOnlySpan<double> vector)
    {
        double positive = 0.0, negative = 0.0;
        foreach (var value in vector)
        {
            if (value > 0)
            {
                positive += value * value;
            }
            else
            {
                negative += value * value;
            }
        }

        return (Math.Sqrt(positive), Math.Sqrt(negative));
    }

    private static (double[] W, double[] Ht) InitializeRandom(SparseRowMatrix data, NmfOptions options)
    {
        int n = data.Rows, d = data.Columns, k = options.Components;
        var scale = Math.Sqrt(data.Sum() / ((double)n * d) / k);
        var random = Xoshiro256StarStar.ForStream(options.Seed, 0);
        var ht = new double[d * k];
        var w = new double[n * k];
        foreach (var factor in new[] { ht, w })
        {
            for (var index = 0; index < factor.Length; index++)
            {
                factor[index] = scale * Math.Abs(random.NextGaussian());
            }
        }

        return (w, ht);
    }

    /// <summary>Absolute L1 and L2 penalties of one factor.</summary>
    private readonly record struct Penalties(double L1, double L2);
}
