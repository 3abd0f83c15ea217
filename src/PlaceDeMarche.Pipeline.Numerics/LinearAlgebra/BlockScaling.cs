namespace PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

/// <summary>
/// Concatenates feature blocks describing the same rows so that each block weighs the same: every block is scaled to
/// a total variance (sum of its column variances) of one, whatever its dimension or norm.
/// </summary>
public static class BlockScaling
{
    /// <summary>The rows of every block side by side, each block scaled to unit total variance (a constant block is left as is).</summary>
    /// <exception cref="ArgumentException">The blocks do not have the same number of rows.</exception>
    public static float[][] ConcatenateWithEqualVariance(IReadOnlyList<float[][]> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var rows = blocks.Count == 0 ? 0 : blocks[0].Length;
        if (blocks.Any(b => b.Length != rows))
        {
            throw new ArgumentException($"Every block must have the same rows; got {string.Join(", ", blocks.Select(b => b.Length))}.", nameof(blocks));
        }

        var scales = blocks.Select(b => TotalVariance(b) is var v and > 0 ? (float)(1 / Math.Sqrt(v)) : 1f).ToArray();
        var width = blocks.Sum(b => rows == 0 ? 0 : b[0].Length);
        var result = new float[rows][];
        for (var i = 0; i < rows; i++)
        {
            var row = new float[width];
            var offset = 0;
            for (var b = 0; b < blocks.Count; b++)
            {
                var source = blocks[b][i];
                System.Numerics.Tensors.TensorPrimitives.Multiply(source, scales[b], row.AsSpan(offset, source.Length));
                offset += source.Length;
            }

            result[i] = row;
        }

        return result;
    }

    /// <summary>Sum over columns of the (population) variance, accumulated in double.</summary>
    public static double TotalVariance(float[][] rows)
    {
        if (rows.Length == 0)
        {
            return 0;
        }

        var columns = rows[0].Length;
        var mean = new double[columns];
        var square = new double[columns];
        foreach (var row in rows)
        {
            for (var j = 0; j < columns; j++)
            {
                mean[j] += row[j];
                square[j] += (double)row[j] * row[j];
            }
        }

        var total = 0.0;
        for (var j = 0; j < columns; j++)
        {
            var m = mean[j] / rows.Length;
            total += Math.Max(0, square[j] / rows.Length - m * m);
        }

        return total;
    }
}
