using System.Numerics.Tensors;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>
/// Truncated SVD by randomized subspace iteration (Halko, Martinsson &amp; Tropp 2011, algorithm 4.4), without
/// centring, as used for latent semantic analysis. The data are only touched through sparse products; every basis is
/// re-orthonormalised with modified Gram–Schmidt applied twice, and the small projected problem B = QᵀX is solved
/// exactly through the eigen-decomposition of B·Bᵀ. All work is in double precision and every sum has a fixed order,
/// so a seed always gives the same result.
/// </summary>
public static class TruncatedSvd
{
    // A vector keeping less than this share of its norm after orthogonalisation lies in the span of the previous
    // ones (rank-deficient data); it is dropped rather than amplified into noise.
    private const double DependenceThreshold = 1e-10;

    /// <summary>Fits a truncated SVD of the sparse matrix <paramref name="data"/> (rows = samples).</summary>
    public static TruncatedSvdResult Fit(SparseRowMatrix data, TruncatedSvdOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(data.Rows, data.Columns);

        int n = data.Rows, d = data.Columns, k = options.Components;
        var width = Math.Min(k + options.Oversamples, Math.Min(n, d));
        var transposed = data.Transpose();

        var random = Xoshiro256StarStar.ForStream(options.Seed, 0);
        var test = new double[width * d];
        for (var index = 0; index < test.Length; index++)
        {
            test[index] = random.NextGaussian();
        }

        var rangeBasis = ProjectAndOrthonormalize(data, test, width);
        for (var iteration = options.ResolvePowerIterations(n, d); iteration > 0; iteration--)
        {
            var rowBasis = ProjectAndOrthonormalize(transposed, rangeBasis, width);
            rangeBasis = ProjectAndOrthonormalize(data, rowBasis, width);
        }

        // B = QᵀX (width × d) is small: its left singular vectors are the eigenvectors of B·Bᵀ.
        var projectedTransposed = new double[d * width];
        transposed.Multiply(MatrixProducts.Transpose(rangeBasis, width, n), width, projectedTransposed);
        var projected = MatrixProducts.Transpose(projectedTransposed, d, width);
        var (smallLeft, singularValues) = LeadingLeftSingularVectors(projected, width, d, k);

        // vᵣ = Bᵀuᵣ / sᵣ and U = Q·u; both are flipped so that vᵣ's largest entry is positive.
        var rightVectors = MatrixProducts.Multiply(smallLeft, k, width, projected, d);
        var leftVectors = MatrixProducts.Multiply(smallLeft, k, width, rangeBasis, n);
        for (var r = 0; r < k; r++)
        {
            var right = rightVectors.AsSpan(r * d, d);
            TensorPrimitives.Multiply(right, singularValues[r] > 0 ? 1.0 / singularValues[r] : 0.0, right);
            var left = leftVectors.AsSpan(r * n, n);
            TensorPrimitives.Multiply(left, Pca.FlipSign(right), left);
        }

        var (variance, ratio) = ExplainedVariance(data, leftVectors, singularValues);
        return new TruncatedSvdResult(leftVectors, rightVectors, singularValues, variance, ratio, n, d);
    }

    /// <summary>The <paramref name="count"/> leading left singular vectors (count × width) and singular values of the
    /// small matrix B (width × columns, row-major), from the eigen-decomposition of B·Bᵀ.</summary>
    internal static (double[] Vectors, double[] SingularValues) LeadingLeftSingularVectors(double[] projected, int width, int columns, int count)
    {
        var gram = new double[width * width];
        GramMatrix.AddProduct(projected, width, columns, gram);
        var eigen = SymmetricEigenSolver.Decompose(gram, width, count);
        var vectors = new double[count * width];
        var singularValues = new double[count];
        for (var r = 0; r < count; r++)
        {
            eigen.Vector(r).CopyTo(vectors.AsSpan(r * width, width));
            singularValues[r] = Math.Sqrt(Math.Max(eigen.Values[r], 0.0));
        }

        return (vectors, singularValues);
    }

    /// <summary>Fits a truncated SVD of the dense matrix <paramref name="data"/>, through its sparse form.</summary>
    public static TruncatedSvdResult Fit(DenseMatrix data, TruncatedSvdOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.EnsureFinite("Truncated SVD");
        return Fit(SparseRowMatrix.FromDense(data), options);
    }

    /// <summary>Returns an orthonormal basis (width × matrix.Rows, vector by vector) of the span of
    /// matrix · basis, where <paramref name="basis"/> holds width vectors of length matrix.Columns.</summary>
    private static double[] ProjectAndOrthonormalize(SparseRowMatrix matrix, double[] basis, int width)
    {
        var product = new double[matrix.Rows * width];
        matrix.Multiply(MatrixProducts.Transpose(basis, width, matrix.Columns), width, product);
        var vectors = MatrixProducts.Transpose(product, matrix.Rows, width);
        Orthonormalize(vectors, width, matrix.Rows);
        return vectors;
    }

    /// <summary>Modified Gram–Schmidt, each vector orthogonalised twice ("twice is enough", Giraud et al.) so the
    /// basis stays orthonormal to machine precision even when the power iterations make it ill-conditioned.</summary>
    internal static void Orthonormalize(double[] vectors, int count, int length)
    {
        for (var i = 0; i < count; i++)
        {
            var vector = vectors.AsSpan(i * length, length);
            var initialNorm = Math.Sqrt(VectorKernels.Dot(vector, vector));
            for (var pass = 0; pass < 2; pass++)
            {
                for (var j = 0; j < i; j++)
                {
                    var previous = vectors.AsSpan(j * length, length);
                    VectorKernels.AddScaled(vector, previous, -VectorKernels.Dot(vector, previous));
                }
            }

            var norm = Math.Sqrt(VectorKernels.Dot(vector, vector));
            if (norm <= DependenceThreshold * initialNorm || norm == 0.0)
            {
                vector.Clear();
            }
            else
            {
                TensorPrimitives.Multiply(vector, 1.0 / norm, vector);
            }
        }
    }

    /// <summary>Population variance of each projected column U·sᵣ, and its share of the summed column variances of
    /// <paramref name="data"/> (scikit-learn's TruncatedSVD definition).</summary>
    private static (double[] Variance, double[] Ratio) ExplainedVariance(
        SparseRowMatrix data, double[] leftVectors, double[] singularValues)
    {
        int n = data.Rows, d = data.Columns;
        var sums = new double[d];
        var squares = new double[d];
        var columns = data.ColumnIndices;
        var values = data.Values;
        for (var entry = 0; entry < values.Length; entry++)
        {
            double value = values[entry];
            sums[columns[entry]] += value;
            squares[columns[entry]] += value * value;
        }

        var total = 0.0;
        for (var j = 0; j < d; j++)
        {
            var mean = sums[j] / n;
            total += Math.Max(squares[j] / n - mean * mean, 0.0);
        }

        var k = singularValues.Length;
        var variance = new double[k];
        var ratio = new double[k];
        for (var r = 0; r < k; r++)
        {
            var left = leftVectors.AsSpan(r * n, n);
            var mean = 0.0;
            foreach (var value in left)
            {
                mean += value;
            }

            mean = mean * singularValues[r] / n;
            var meanSquare = singularValues[r] * singularValues[r] * VectorKernels.Dot(left, left) / n;
            variance[r] = Math.Max(meanSquare - mean * mean, 0.0);
            ratio[r] = total > 0 ? variance[r] / total : 0.0;
        }

        return (variance, ratio);
    }
}
