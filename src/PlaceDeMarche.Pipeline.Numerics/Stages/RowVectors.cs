using System.Numerics.Tensors;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>Turns matrix rows into the per-product vectors a <see cref="Core.Schema.FeatureTable"/> stores.</summary>
public static class RowVectors
{
    /// <summary>Each row scaled to unit L2 norm (all-zero rows stay zero).</summary>
    public static float[][] Normalized(DenseMatrix matrix)
    {
        var rows = new float[matrix.Rows][];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = matrix.Row(i).ToArray();
            var norm = TensorPrimitives.Norm(row);
            if (norm > 0)
            {
                TensorPrimitives.Divide(row, norm, row);
            }

            rows[i] = row;
        }

        return rows;
    }

    public static float[][] Copy(DenseMatrix matrix) => Enumerable.Range(0, matrix.Rows).Select(i => matrix.Row(i).ToArray()).ToArray();
}
