using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Decomposition;

/// <summary>A fitted PCA: the projected training data, the principal axes and their explained variance.</summary>
public sealed class PcaResult
{
    private readonly double[] _components;
    private readonly double[] _mean;

    internal PcaResult(
        DenseMatrix projection,
        double[] components,
        double[] mean,
        double[] explainedVariance,
        double[] explainedVarianceRatio,
        double[] singularValues)
    {
        Projection = projection;
        _components = components;
        _mean = mean;
        ExplainedVariance = explainedVariance;
        ExplainedVarianceRatio = explainedVarianceRatio;
        SingularValues = singularValues;
        var columns = mean.Length;
        Components = new DenseMatrix(
            explainedVariance.Length, columns, Array.ConvertAll(components, value => (float)value));
    }

    /// <summary>Training data in component coordinates (rows × components).</summary>
    public DenseMatrix Projection { get; }

    /// <summary>Unit principal axes as rows (components × features); the largest-magnitude loading of each is
    /// positive (scikit-learn's svd_flip on Vᵀ).</summary>
    public DenseMatrix Components { get; }

    /// <summary>Per-feature mean removed before projecting.</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Variance along each component (eigenvalue / (rows − 1)).</summary>
    public IReadOnlyList<double> ExplainedVariance { get; }

    /// <summary>Share of the total variance carried by each component.</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    /// <summary>Singular values of the centred data for the kept components.</summary>
    public IReadOnlyList<double> SingularValues { get; }

    /// <summary>Number of kept components.</summary>
    public int ComponentCount => ExplainedVariance.Count;

    /// <summary>Projects new rows (same feature count as the training data) onto the components.</summary>
    public DenseMatrix Transform(DenseMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Columns != _mean.Length)
        {
            throw new ArgumentException(
                $"PCA was fitted on {_mean.Length} features but the data to transform has {data.Columns}.", nameof(data));
        }

        return Project(data, _mean, _components, ComponentCount);
    }

    /// <summary>Centres each row with <paramref name="mean"/> and dots it with the first
    /// <paramref name="count"/> component rows.</summary>
    internal static DenseMatrix Project(DenseMatrix data, double[] mean, double[] components, int count)
    {
        var columns = mean.Length;
        var projection = new DenseMatrix(data.Rows, count);
        const int chunkRows = 64;
        Parallel.For(0, (data.Rows + chunkRows - 1) / chunkRows, chunk =>
        {
            var centred = new double[columns];
            var end = Math.Min(data.Rows, (chunk + 1) * chunkRows);
            for (var i = chunk * chunkRows; i < end; i++)
            {
                var row = data.Row(i);
                for (var j = 0; j < columns; j++)
                {
                    centred[j] = row[j] - mean[j];
                }

                var target = projection.Row(i);
                for (var r = 0; r < count; r++)
                {
                    target[r] = (float)VectorKernels.Dot(centred, components.AsSpan(r * columns, columns));
                }
            }
        });
        return projection;
    }
}
