using System.Numerics.Tensors;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>
/// The CPU implementation of <see cref="IMatrixProducts"/>, in double: the cross products by
/// <see cref="GramMatrix"/> (the scatter matrix block by block, so rows are never all held in double precision), the
/// range finder's products in parallel over fixed row blocks whose partial sums are added in block order.
/// </summary>
internal sealed class CpuMatrixProducts(DenseMatrix data, double[] mean) : IMatrixProducts
{
    private const int ScatterBlockRows = 512;

    public double[] CentredGram()
    {
        var n = data.Rows;
        var gram = new double[n * n];
        GramMatrix.AddProduct(Pca.Centre(data, mean), n, data.Columns, gram);
        return gram;
    }

    public double[] CentredScatter()
    {
        int n = data.Rows, d = data.Columns;
        var scatter = new double[d * d];
        var block = new double[d * ScatterBlockRows];
        for (var start = 0; start < n; start += ScatterBlockRows)
        {
            var height = Math.Min(ScatterBlockRows, n - start);
            // Transposed block (features × rows) so the scatter contribution is a row Gram product.
            for (var i = 0; i < height; i++)
            {
                var row = data.Row(start + i);
                for (var j = 0; j < d; j++)
                {
                    block[j * height + i] = row[j] - mean[j];
                }
            }

            GramMatrix.AddProduct(block, d, height, scatter);
        }

        return scatter;
    }

    /// <summary>(Xc·Mᵀ)ᵀ: for each of the <paramref name="width"/> vectors of <paramref name="basis"/> (length d), its
    /// dot product with every centred row; width vectors of length n. Each entry is written by one task.</summary>
    public double[] CentredTimes(double[] basis, int width)
    {
        int n = data.Rows, d = data.Columns;
        var result = new double[width * n];
        var offsets = new double[width];
        for (var r = 0; r < width; r++)
        {
            offsets[r] = VectorKernels.Dot(mean, basis.AsSpan(r * d, d));
        }

        var blockRows = RandomizedPca.BlockRows(n);
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
    public double[] CentredTransposeTimes(double[] vectors, int width)
    {
        int n = data.Rows, d = data.Columns;
        var blockRows = RandomizedPca.BlockRows(n);
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

    public void Dispose()
    {
    }
}
