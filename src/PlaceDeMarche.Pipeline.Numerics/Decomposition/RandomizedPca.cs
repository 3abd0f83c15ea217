using System.Numerics.Tensors;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>
/// PCA by randomized subspace iteration (Halko, Martinsson &amp; Tropp 2011, algorithm 4.4) on the centred data, which
/// is never formed: Xc·M = X·M − 1(μᵀM) and Xcᵀ·Q = Xᵀ·Q − μ(1ᵀQ) are taken row by row. Oversampling and the number of
/// power iterations follow scikit-learn's randomized solver; bases are re-orthonormalised as in
/// <see cref="TruncatedSvd"/>. The explained-variance ratios are shares of the exact total variance. The two products
/// come from <see cref="IMatrixProducts"/> (CPU SIMD or ILGPU); on the CPU they run in parallel over fixed row blocks
/// whose partial sums are added in block order, so a seed gives the same result on any machine.
/// </summary>
internal static class RandomizedPca
{
    private const int Oversamples = 10;
    private const int MaxBlocks = 64;
    private const int MinBlockRows = 1024;

    public static PcaResult Fit(DenseMatrix data, double[] mean, int components, int seed, IMatrixProducts products)
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

        var range = products.CentredTimes(test, width);
        TruncatedSvd.Orthonormalize(range, width, n);
        for (var iteration = 0; iteration < powerIterations; iteration++)
        {
            var rowBasis = products.CentredTransposeTimes(range, width);
            TruncatedSvd.Orthonormalize(rowBasis, width, d);
            range = products.CentredTimes(rowBasis, width);
            TruncatedSvd.Orthonormalize(range, width, n);
        }

        // B = QᵀXc (width × d, row r = Σᵢ qᵣᵢ xcᵢ); its leading right singular vectors are the components.
        var projected = products.CentredTransposeTimes(range, width);
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
    internal static int BlockRows(int rows) => Math.Max(MinBlockRows, (rows + MaxBlocks - 1) / MaxBlocks);
}
