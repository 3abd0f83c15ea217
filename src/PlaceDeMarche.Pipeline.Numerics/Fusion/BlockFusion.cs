using System.Numerics.Tensors;

namespace PlaceDeMarche.Pipeline.Numerics.Fusion;

/// <summary>
/// Puts several representations of the same products side by side. Raw concatenation lets the block with the largest
/// scale or the most columns dominate the distances (a 5,000-column TF-IDF drowns a 1,280-column image embedding, or
/// the reverse); <see cref="EqualShare"/> first brings every block to the share of the total variance it is given.
/// </summary>
public static class BlockFusion
{
    /// <summary>
    /// Each block's rows scaled to unit L2 norm (all-zero rows stay zero), its columns centred, then the whole block
    /// scaled so that its total variance (sum of its column variances) equals its share; blocks are then concatenated.
    /// </summary>
    /// <param name="blocks">One matrix per block, as rows; every block has the same rows in the same order.</param>
    /// <param name="shares">Each block's share of the fused total variance (non-negative; they need not sum to 1).</param>
    public static float[][] EqualShare(IReadOnlyList<float[][]> blocks, IReadOnlyList<double> shares)
    {
        var rows = CheckBlocks(blocks);
        if (shares.Count != blocks.Count || shares.Any(s => !(s >= 0) || double.IsInfinity(s)))
        {
            throw new ArgumentException($"One finite, non-negative share per block is needed ({blocks.Count} blocks, {shares.Count} shares).", nameof(shares));
        }

        var fused = Allocate(blocks, rows);
        var offset = 0;
        for (var b = 0; b < blocks.Count; b++)
        {
            var width = blocks[b].Length == 0 ? 0 : blocks[b][0].Length;
            var block = new float[rows][];
            for (var i = 0; i < rows; i++)
            {
                block[i] = (float[])blocks[b][i].Clone();
                var norm = TensorPrimitives.Norm(block[i]);
                if (norm > 0)
                {
                    TensorPrimitives.Divide(block[i], norm, block[i]);
                }
            }

            var mean = ColumnMeans(block, width);
            for (var i = 0; i < rows; i++)
            {
                TensorPrimitives.Subtract(block[i], mean, block[i]);
            }

            var variance = TotalVariance(block);
            var scale = variance > 0 ? (float)Math.Sqrt(shares[b] / variance) : 0f;
            for (var i = 0; i < rows; i++)
            {
                TensorPrimitives.Multiply(block[i], scale, fused[i].AsSpan(offset, width));
            }

            offset += width;
        }

        return fused;
    }

    /// <summary>The raw vectors side by side, untouched: the naive baseline the weighted fusion is compared with.</summary>
    public static float[][] Concatenate(IReadOnlyList<float[][]> blocks)
    {
        var rows = CheckBlocks(blocks);
        var fused = Allocate(blocks, rows);
        var offset = 0;
        foreach (var block in blocks)
        {
            var width = block.Length == 0 ? 0 : block[0].Length;
            for (var i = 0; i < rows; i++)
            {
                block[i].CopyTo(fused[i], offset);
            }

            offset += width;
        }

        return fused;
    }

    /// <summary>Sum over columns of each column's population variance.</summary>
    public static double TotalVariance(IReadOnlyList<float[]> rows)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var mean = ColumnMeans(rows, rows[0].Length);
        var centred = new float[mean.Length];
        var sum = 0.0;
        foreach (var row in rows)
        {
            TensorPrimitives.Subtract(row, mean, centred);
            sum += TensorPrimitives.Dot<float>(centred, centred);
        }

        return sum / rows.Count;
    }

    private static float[] ColumnMeans(IReadOnlyList<float[]> rows, int width)
    {
        var sum = new double[width];
        foreach (var row in rows)
        {
            for (var j = 0; j < width; j++)
            {
                sum[j] += row[j];
            }
        }

        return sum.Select(s => (float)(s / rows.Count)).ToArray();
    }

    private static int CheckBlocks(IReadOnlyList<float[][]> blocks)
    {
        if (blocks.Count == 0)
        {
            throw new ArgumentException("At least one block is needed.", nameof(blocks));
        }

        var rows = blocks[0].Length;
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b].Length != rows)
            {
                throw new ArgumentException($"Block {b} has {blocks[b].Length} rows, block 0 has {rows}: every block must describe the same products.", nameof(blocks));
            }

            if (blocks[b].Any(r => r.Length != blocks[b][0].Length))
            {
                throw new ArgumentException($"Block {b} has rows of different lengths.", nameof(blocks));
            }
        }

        return rows;
    }

    private static float[][] Allocate(IReadOnlyList<float[][]> blocks, int rows)
    {
        var width = blocks.Sum(b => b.Length == 0 ? 0 : b[0].Length);
        return Enumerable.Range(0, rows).Select(_ => new float[width]).ToArray();
    }
}
