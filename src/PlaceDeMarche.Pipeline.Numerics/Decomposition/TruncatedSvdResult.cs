using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>A fitted truncated SVD X ≈ U·S·Vᵀ (no centring): the projected training data U·S, the right singular
/// vectors and the singular values.</summary>
public sealed class TruncatedSvdResult
{
    internal TruncatedSvdResult(
        double[] leftVectors,
        double[] rightVectors,
        double[] singularValues,
        double[] explainedVariance,
        double[] explainedVarianceRatio,
        int rows,
        int columns)
    {
        LeftVectors = leftVectors;
        RightVectors = rightVectors;
        SingularValues = singularValues;
        ExplainedVariance = explainedVariance;
        ExplainedVarianceRatio = explainedVarianceRatio;
        var k = singularValues.Length;
        Components = new DenseMatrix(k, columns, Array.ConvertAll(rightVectors, value => (float)value));
        Projection = new DenseMatrix(rows, k);
        for (var r = 0; r < k; r++)
        {
            for (var i = 0; i < rows; i++)
            {
                Projection[i, r] = (float)(leftVectors[r * rows + i] * singularValues[r]);
            }
        }
    }

    /// <summary>Training data in component coordinates, U·S (rows × components), as scikit-learn's fit_transform.</summary>
    public DenseMatrix Projection { get; }

    /// <summary>Unit right singular vectors as rows (components × columns); the largest-magnitude entry of each is
    /// positive (svd_flip on Vᵀ, as <see cref="Pca"/>), and U is flipped with it.</summary>
    public DenseMatrix Components { get; }

    /// <summary>Singular values, largest first.</summary>
    public IReadOnlyList<double> SingularValues { get; }

    /// <summary>Variance of each projected column (population variance, as scikit-learn's TruncatedSVD).</summary>
    public IReadOnlyList<double> ExplainedVariance { get; }

    /// <summary><see cref="ExplainedVariance"/> divided by the summed column variances of the data.</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    /// <summary>Number of kept components.</summary>
    public int ComponentCount => SingularValues.Count;

    /// <summary>Unit left singular vectors, vector by vector (components × rows).</summary>
    internal double[] LeftVectors { get; }

    /// <summary>Unit right singular vectors in double precision (components × columns).</summary>
    internal double[] RightVectors { get; }

    /// <summary>Projects new rows onto the components: X·Vᵀ.</summary>
    public DenseMatrix Transform(SparseRowMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        EnsureColumns(data.Columns);
        var projection = new double[data.Rows * ComponentCount];
        data.Multiply(MatrixProducts.Transpose(RightVectors, ComponentCount, Components.Columns), ComponentCount, projection);
        return new DenseMatrix(data.Rows, ComponentCount, Array.ConvertAll(projection, value => (float)value));
    }

    /// <summary>Projects new dense rows onto the components: X·Vᵀ.</summary>
    public DenseMatrix Transform(DenseMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        EnsureColumns(data.Columns);
        return Transform(SparseRowMatrix.FromDense(data));
    }

    private void EnsureColumns(int columns)
    {
        if (columns != Components.Columns)
        {
            throw new ArgumentException(
                $"The SVD was fitted on {Components.Columns} columns but the data to transform has {columns}.");
        }
    }
}
