using PlaceDeMarche.Pipeline.Numerics.Compute;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>
/// Principal component analysis, exact or (for large data, <see cref="PcaSolver"/>) randomized. The exact solver
/// diagonalises the smaller of the two centred cross-product matrices (<see cref="IMatrixProducts"/>): the rows × rows
/// Gram matrix when features outnumber samples (e.g. TF-IDF), otherwise the features × features scatter matrix.
/// </summary>
public static class Pca
{
    /// <summary>Fits PCA on <paramref name="data"/> (rows = samples) and projects it; the products with the data run on
    /// <paramref name="backend"/> (the CPU when null), the eigen-decompositions on the CPU.</summary>
    public static PcaResult Fit(DenseMatrix data, PcaOptions options, ComputeBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (data.Rows < 2)
        {
            throw new ArgumentException($"PCA needs at least 2 rows but the data has {data.Rows}.", nameof(data));
        }

        var maxComponents = Math.Min(data.Rows, data.Columns);
        if (options.ComponentCount > maxComponents)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                $"{options.ComponentCount} components were requested but a {data.Rows} x {data.Columns} matrix has at most {maxComponents}.");
        }

        data.EnsureFinite("PCA");
        var mean = ColumnMeans(data);
        var randomized = options.Solver == PcaSolver.Randomized
            || (options.Solver == PcaSolver.Auto && options.ComponentCount is not null
                && Math.Min(data.Rows, data.Columns) > options.RandomizedThreshold);
        using var products = IMatrixProducts.Open(backend ?? ComputeBackend.Cpu, data, mean);
        if (randomized)
        {
            return RandomizedPca.Fit(data, mean, options.ComponentCount!.Value, options.Seed, products);
        }

        return data.Rows <= data.Columns
            ? FitFromGram(data, mean, options, maxComponents, products)
            : FitFromScatter(data, mean, options, maxComponents, products);
    }

    private static PcaResult FitFromGram(DenseMatrix data, double[] mean, PcaOptions options, int maxComponents, IMatrixProducts products)
    {
        int n = data.Rows, d = data.Columns;
        var centred = Centre(data, mean);
        var gram = products.CentredGram();
        var eigen = SymmetricEigenSolver.Decompose(gram, n, values => SelectCount(values, options, maxComponents));
        var k = eigen.VectorCount;

        // Xcᵀ u / s is the unit right singular vector for each left one u; the scores are u · s.
        var leftVectors = new double[k * n];
        var singularValues = new double[k];
        for (var r = 0; r < k; r++)
        {
            singularValues[r] = Math.Sqrt(Math.Max(eigen.Values[r], 0.0));
            var inverse = singularValues[r] > 0 ? 1.0 / singularValues[r] : 0.0;
            var vector = eigen.Vector(r);
            for (var i = 0; i < n; i++)
            {
                leftVectors[r * n + i] = vector[i] * inverse;
            }
        }

        var components = MatrixProducts.Multiply(leftVectors, k, n, centred, d);
        var projection = new DenseMatrix(n, k);
        for (var r = 0; r < k; r++)
        {
            var sign = FlipSign(components.AsSpan(r * d, d));
            var vector = eigen.Vector(r);
            for (var i = 0; i < n; i++)
            {
                projection[i, r] = (float)(sign * vector[i] * singularValues[r]);
            }
        }

        return BuildResult(projection, components, mean, eigen, singularValues, n);
    }

    private static PcaResult FitFromScatter(DenseMatrix data, double[] mean, PcaOptions options, int maxComponents, IMatrixProducts products)
    {
        int n = data.Rows, d = data.Columns;
        var scatter = products.CentredScatter();
        var eigen = SymmetricEigenSolver.Decompose(scatter, d, values => SelectCount(values, options, maxComponents));
        var k = eigen.VectorCount;
        var components = new double[k * d];
        var singularValues = new double[k];
        for (var r = 0; r < k; r++)
        {
            singularValues[r] = Math.Sqrt(Math.Max(eigen.Values[r], 0.0));
            var component = components.AsSpan(r * d, d);
            eigen.Vector(r).CopyTo(component);
            FlipSign(component);
        }

        var projection = PcaResult.Project(data, mean, components, k);
        return BuildResult(projection, components, mean, eigen, singularValues, n);
    }

    private static PcaResult BuildResult(
        DenseMatrix projection,
        double[] components,
        double[] mean,
        SymmetricEigenDecomposition eigen,
        double[] singularValues,
        int rows)
    {
        var total = eigen.Values.Sum(value => Math.Max(value, 0.0));
        var k = singularValues.Length;
        var variance = new double[k];
        var ratio = new double[k];
        for (var r = 0; r < k; r++)
        {
            var eigenvalue = Math.Max(eigen.Values[r], 0.0);
            variance[r] = eigenvalue / (rows - 1);
            ratio[r] = total > 0 ? eigenvalue / total : 0.0;
        }

        return new PcaResult(projection, components, mean, variance, ratio, singularValues);
    }

    /// <summary>Number of components to keep: fixed, or (like scikit-learn) one more than the number of cumulative
    /// ratios not exceeding the threshold.</summary>
    private static int SelectCount(IReadOnlyList<double> eigenvalues, PcaOptions options, int maxComponents)
    {
        if (options.ComponentCount is { } count)
        {
            return count;
        }

        var threshold = options.VarianceRatio!.Value;
        var total = eigenvalues.Sum(value => Math.Max(value, 0.0));
        if (total <= 0)
        {
            return 1;
        }

        var cumulative = 0.0;
        var kept = 0;
        while (kept < maxComponents)
        {
            cumulative += Math.Max(eigenvalues[kept], 0.0);
            kept++;
            if (cumulative / total > threshold)
            {
                break;
            }
        }

        return kept;
    }

    /// <summary>Makes the largest-magnitude entry positive (first one on ties); returns the sign applied.</summary>
    internal static double FlipSign(Span<double> component)
    {
        var largest = 0;
        for (var j = 1; j < component.Length; j++)
        {
            if (Math.Abs(component[j]) > Math.Abs(component[largest]))
            {
                largest = j;
            }
        }

        if (component[largest] >= 0)
        {
            return 1.0;
        }

        foreach (ref var value in component)
        {
            value = -value;
        }

        return -1.0;
    }

    /// <summary>X − 1μᵀ in double, row-major.</summary>
    internal static double[] Centre(DenseMatrix data, double[] mean)
    {
        int n = data.Rows, d = data.Columns;
        var centred = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            var row = data.Row(i);
            var target = centred.AsSpan(i * d, d);
            for (var j = 0; j < d; j++)
            {
                target[j] = row[j] - mean[j];
            }
        }

        return centred;
    }

    private static double[] ColumnMeans(DenseMatrix data)
    {
        var sums = new double[data.Columns];
        for (var i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            for (var j = 0; j < sums.Length; j++)
            {
                sums[j] += row[j];
            }
        }

        for (var j = 0; j < sums.Length; j++)
        {
            sums[j] /= data.Rows;
        }

        return sums;
    }
}
