namespace PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

/// <summary>Cache-blocked, parallel dense products (and transposition) on row-major double arrays.</summary>
internal static class MatrixProducts
{
    // 16 output rows x 512 doubles = 64 KiB of accumulators, reused for every row of the right operand.
    private const int BlockRows = 16;
    private const int ChunkColumns = 512;

    /// <summary>Returns A·B for A (rows × inner) and B (inner × columns). Every output element is accumulated by a
    /// single task in a fixed order, so the result does not depend on thread scheduling.</summary>
    public static double[] Multiply(double[] a, int rows, int inner, double[] b, int columns)
    {
        var result = new double[rows * columns];
        var rowBlocks = (rows + BlockRows - 1) / BlockRows;
        var chunks = (columns + ChunkColumns - 1) / ChunkColumns;
        Parallel.For(0, rowBlocks * chunks, task =>
        {
            var rowStart = task / chunks * BlockRows;
            var rowEnd = Math.Min(rowStart + BlockRows, rows);
            var columnStart = task % chunks * ChunkColumns;
            var width = Math.Min(ChunkColumns, columns - columnStart);
            for (var i = 0; i < inner; i++)
            {
                var source = b.AsSpan(i * columns + columnStart, width);
                for (var r = rowStart; r < rowEnd; r++)
                {
                    var factor = a[r * inner + i];
                    if (factor != 0.0)
                    {
                        VectorKernels.AddScaled(result.AsSpan(r * columns + columnStart, width), source, factor);
                    }
                }
            }
        });
        return result;
    }

    /// <summary>Returns the transpose (columns × rows) of a row-major rows × columns array.</summary>
    public static double[] Transpose(double[] a, int rows, int columns)
    {
        var result = new double[a.Length];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                result[j * rows + i] = a[i * columns + j];
            }
        }

        return result;
    }
}
