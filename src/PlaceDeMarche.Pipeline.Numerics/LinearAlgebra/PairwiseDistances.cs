namespace PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

/// <summary>All-pairs distances between the rows of a matrix.</summary>
public static class PairwiseDistances
{
    /// <summary>
    /// Squared euclidean distances (n × n, row-major, zero diagonal) computed as ‖a‖² + ‖b‖² − 2a·b on centred
    /// double-precision rows, so the cost is one Gram product even for thousands of features.
    /// </summary>
    public static double[] SquaredEuclidean(DenseMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.Rows, d = data.Columns;
        var mean = new double[d];
        for (var i = 0; i < n; i++)
        {
            var row = data.Row(i);
            for (var j = 0; j < d; j++)
            {
                mean[j] += row[j];
            }
        }

        var centred = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            var row = data.Row(i);
            for (var j = 0; j < d; j++)
            {
                centred[i * d + j] = row[j] - mean[j] / n;
            }
        }

        var distances = new double[n * n];
        GramMatrix.AddProduct(centred, n, d, distances);
        var norms = new double[n];
        for (var i = 0; i < n; i++)
        {
            norms[i] = distances[i * n + i];
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var cell = i * n + j;
                distances[cell] = i == j ? 0.0 : Math.Max(norms[i] + norms[j] - 2.0 * distances[cell], 0.0);
            }
        }

        return distances;
    }
}
