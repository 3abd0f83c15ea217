using System.Numerics.Tensors;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>
/// PCA by randomized subspace iteration (Halko, Martinsson &amp; Tropp 2011, algorithm 4.4) on the centred data, which
/// is never formed: Xc·M = X·M − 1(μᵀM) and Xcᵀ·Q = Xᵀ·Q − μ(1ᵀQ) are taken row by row. Oversampling and the number of
/// power iterations follow scikit-learn's randomized solver; bases are re-orthonormalised as in
/// <see cref="TruncatedSvd"/>. The explained-variance ratios are shares of the exact total variance. Products run
/// in parallel over fixed row blocks whose partial sums are added in block order, so a seed gives the same result on
/// any machine.
/// </summary>
internal static class RandomizedPca
{
    private const int Oversamples = 10;
    private const int MaxBlocks = 64;
    private const int MinBlockRows = 1024;

    public static PcaResult Fit(DenseMatrix data, double[] mean, int components, int seed)
    {
        int n = data.Rows, d = data.Columns;
        var width = Math.Min(components + Oversamples, Math.Min(n, d));
        var powerIterations = components < 0.1 * Math.Min(n, d) ? 7 : 4;

        var random = Xoshiro256StarStar.ForStream(seed, 0);
        var test = new double[width * d];
        for (var index = 0; index < test.Length; index++)
        {
            test[index] = random.NextGaussian();
        }

        var range = CentredTimes(data, mean, test, width);
        TruncatedSvd.Orthonormalize(range, width, n);
        for (var iteration = 0; iteration < powerIterations; iteration++)
        {
            var rowBasis = CentredTransposeTimes(data, mean, range, width);
            TruncatedSvd.Orthonormalize(rowBasis, width, d);
            range = CentredTimes(data, mean, rowBasis, width);
            TruncatedSvd.Orthonormalize(range, width, n);
        }

        // B = QᵀXc (width × d, row r = Σᵢ qᵣᵢ xcᵢ); its leading right singular vectors are the components.
        var projected = CentredTransposeTimes(data, mean, range, width);
        var (smallLeft, singularValues) = TruncatedSvd.LeadingLeftSingularVectors(projected, width, d, components);
        var componentRows = MatrixProducts.Multiply(smallLeft, components, width, projected, d);
        var total = TotalSquares(data, mean);
        var variance = new double[components];
        var ratio = new double[components];
        for (var r = 0; r < components; r++)
        {
            var component = componentRows.AsSpan(r * d, d);
            TensorPrimitives.Multiply(component, singularValues[r] > 0 ? 1.0 / singularValues[r] : 0.0, component);
            Pca.FlipSign(component);
            var eigenvalue = singularValues[r] * singularValues[r];
            variance[r] = eigenvalue / (n - 1);
            ratio[r] = total > 0 ? eigenvalue / total : 0.0;
        }

        var projection = PcaResult.Project(data, mean, componentRows, components);
        return new PcaResult(projection, componentRows, mean, variance, ratio, singularValues);
    }

    /// <summary>(Xc·Mᵀ)ᵀ: for each of the <paramref name="width"/> vectors of <paramref name="basis"/> (length d), its
    /// dot product with every centred row; width vectors of length n. Each entry is written by one task.</summary>
    private static double[] CentredTimes(DenseMatrix data, double[] mean, double[] basis, int width)
    {
        int n = data.Rows, d = data.Columns;
        var result = new double[width * n];
        var offsets = new double[width];
        for (var r = 0; r < width; r++)
        {
            offsets[r] = VectorKernels.Dot(mean, basis.AsSpan(r * d, d));
        }

        var blockRows = BlockRows(n);
        Parallel.For(0, (n + blockRows - 1) / blockRows, () => new double[d], (block, _, row) =>
        {
            var end = Math.Min(n, (block + 1) * blockRows);
            for (var i = block * blockRows; i < end; i++)
            {
                TensorPrimitives.ConvertChecked<float, double>(data.Row(i), row);
                for (var r = 0; r < width; r++)
                {
                    result[r * n + i] = VectorKernels.Dot(row, basis.AsSpan(r * d, d)) - offsets[r];
                }
            }

            return row;
        }, _ => { });
        return result;
    }

    /// <summary>Xcᵀ·Q as <paramref name="width"/> vectors of length d: vector r = Σᵢ qᵣᵢ (xᵢ − μ). Each block of rows sums
    /// into its own partial, and the partials are added in block order.</summary>
    private static double[] CentredTransposeTimes(DenseMatrix data, double[] mean, double[] vectors, int width)
    {
        int n = data.Rows, d = data.Columns;
        var blockRows = BlockRows(n);
        var blocks = (n + blockRows - 1) / blockRows;
        var partials = new double[blocks][];
        Parallel.For(0, blocks, () => new double[d], (block, _, row) =>
        {
            var partial = new double[width * d];
            var end = Math.Min(n, (block + 1) * blockRows);
            for (var i = block * blockRows; i < end; i++)
            {
                TensorPrimitives.ConvertChecked<float, double>(data.Row(i), row);
                for (var r = 0; r < width; r++)
                {
                    VectorKernels.AddScaled(partial.AsSpan(r * d, d), row, vectors[r * n + i]);
                }
            }

            partials[block] = partial;
            return row;
        }, _ => { });

        var result = partials[0];
        for (var block = 1; block < blocks; block++)
        {
            TensorPrimitives.Add(result, partials[block], result);
        }

        // Σᵢ qᵣᵢ (xᵢ − μ) = Σᵢ qᵣᵢ xᵢ − (Σᵢ qᵣᵢ) μ.
        for (var r = 0; r < width; r++)
        {
            var weight = 0.0;
            for (var i = 0; i < n; i++)
            {
                weight += vectors[r * n + i];
            }

            VectorKernels.AddScaled(result.AsSpan(r * d, d), mean, -weight);
        }

        return result;
    }

    /// <summary>Σᵢⱼ (xᵢⱼ − μⱼ)², the trace of the scatter matrix, in fixed blocks added in order.</summary>
    private static double TotalSquares(DenseMatrix data, double[] mean)
    {
        int n = data.Rows, d = data.Columns;
        var blockRows = BlockRows(n);
        var blocks = (n + blockRows - 1) / blockRows;
        var sums = new double[blocks];
        Parallel.For(0, blocks, () => new double[d], (block, _, row) =>
        {
            var sum = 0.0;
            var end = Math.Min(n, (block + 1) * blockRows);
            for (var i = block * blockRows; i < end; i++)
            {
                TensorPrimitives.ConvertChecked<float, double>(data.Row(i), row);
                VectorKernels.AddScaled(row, mean, -1.0);
                sum += VectorKernels.Dot(row, row);
            }

            sums[block] = sum;
            return row;
        }, _ => { });
        return sums.Sum();
    }

    /// <summary>At most <see cref="MaxBlocks"/> blocks, whatever the machine: the partial sums then depend on n only.</summary>
    private static int BlockRows(int rows) => Math.Max(MinBlockRows, (rows + MaxBlocks - 1) / MaxBlocks);
}
