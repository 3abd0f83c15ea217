namespace PlaceDeMarche.Pipeline.Supervised.Features;

/// <summary>A dense block with its training means and scales: x' = (x − mean) · scale.</summary>
public sealed class FittedDenseBlock(string name, float[][] vectors, float[] mean, float[] scale) : IFittedFeatureBlock
{
    public int Dimension => mean.Length;

    public float[][] Transform(IReadOnlyList<int> rows) => rows.Select(r => Standardise(vectors[r], mean, scale)).ToArray();

    public FeatureBlockModel Export() => new()
    {
        Kind = FeatureBlockModel.DenseKind,
        Representation = name,
        Mean = mean,
        Scale = scale,
    };

    /// <summary>(x − mean) · scale, element-wise.</summary>
    public static float[] Standardise(ReadOnlySpan<float> vector, float[] mean, float[] scale)
    {
        if (vector.Length != mean.Length)
            throw new ArgumentException($"A vector of {vector.Length} values for a block of {mean.Length}.", nameof(vector));
        var result = new float[vector.Length];
        System.Numerics.Tensors.TensorPrimitives.Subtract(vector, mean, result);
        System.Numerics.Tensors.TensorPrimitives.Multiply(result, scale, result);
        return result;
    }
}
