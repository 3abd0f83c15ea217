using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Clustering;

/// <summary>A fitted k-means model.</summary>
public sealed class KMeansResult
{
    internal KMeansResult(int[] labels, DenseMatrix centroids, double inertia, int iterations)
    {
        Labels = labels;
        Centroids = centroids;
        Inertia = inertia;
        Iterations = iterations;
    }

    /// <summary>Cluster of each training row (index of its nearest centroid); empty when labels were not requested.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Cluster centres (k × features).</summary>
    public DenseMatrix Centroids { get; }

    /// <summary>Sum of squared distances of the training rows to their nearest centroid.</summary>
    public double Inertia { get; }

    /// <summary>Lloyd iterations of the kept restart (mini-batch steps for <see cref="MiniBatchKMeans"/>).</summary>
    public int Iterations { get; }

    /// <summary>Index of the nearest centroid for each row of <paramref name="data"/>.</summary>
    public int[] Predict(DenseMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Columns != Centroids.Columns)
        {
            throw new ArgumentException(
                $"The model has {Centroids.Columns} features but the data has {data.Columns}.", nameof(data));
        }

        var labels = new int[data.Rows];
        CentroidAssignment.Assign(data, null, data.Rows, Centroids.Data, Centroids.Rows, labels, new double[data.Rows]);
        return labels;
    }
}
