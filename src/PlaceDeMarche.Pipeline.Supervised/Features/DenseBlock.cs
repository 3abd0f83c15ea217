namespace PlaceDeMarche.Pipeline.Supervised.Features;

/// <summary>
/// A precomputed embedding (image CNN, colour histogram, doc2vec…) standardised with the training rows' means and
/// standard deviations, then scaled by 1/√d so every block weighs the same in an early fusion whatever its width.
/// </summary>
public sealed class DenseBlock(string name, float[][] vectors) : IFeatureBlock
{
    public string Name => name;

    public IFittedFeatureBlock Fit(IReadOnlyList<int> trainRows)
    {
        if (trainRows.Count == 0)
            throw new ArgumentException($"Block {name}: no training rows to fit on.", nameof(trainRows));
        var dimension = vectors[trainRows[0]].Length;
        var mean = new double[dimension];
        var squares = new double[dimension];
        foreach (var row in trainRows)
        {
            var vector = vectors[row];
            for (var j = 0; j < dimension; j++)
            {
                mean[j] += vector[j];
                squares[j] += (double)vector[j] * vector[j];
            }
        }
        var blockWeight = 1.0 / Math.Sqrt(dimension);
        var means = new float[dimension];
        var scales = new float[dimension];
        for (var j = 0; j < dimension; j++)
        {
            var m = mean[j] / trainRows.Count;
            var variance = Math.Max(0.0, squares[j] / trainRows.Count - m * m);
            means[j] = (float)m;
            // A constant dimension in training carries nothing: weight zero rather than a division by ~0.
            scales[j] = variance > 1e-12 ? (float)(blockWeight / Math.Sqrt(variance)) : 0f;
        }
        return new FittedDenseBlock(name, vectors, means, scales);
    }
}
