using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Text.Embeddings;

/// <summary>
/// SIF's common component removal (Arora, Liang &amp; Ma 2017): the first right singular vector u of the document
/// matrix (not centred, as in the paper) carries what all documents share — frequent words, syntax — so every
/// vector v becomes v − (u·v) u.
/// </summary>
public static class CommonComponent
{
    /// <summary>Removes the common component from every row of <paramref name="vectors"/> in place and returns u.</summary>
    public static float[] Remove(float[][] vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Length == 0)
            return [];
        // Randomized SVD with its default power iterations is exact to float precision for the leading vector; a
        // fixed seed keeps the artifact reproducible.
        var svd = TruncatedSvd.Fit(DenseMatrix.FromRows(vectors), new TruncatedSvdOptions { Components = 1, Seed = 0 });
        var component = svd.Components.Row(0).ToArray();
        Parallel.For(0, vectors.Length, row =>
            EmbeddingKernels.AddScaled(vectors[row], component, -EmbeddingKernels.Dot(vectors[row], component)));
        return component;
    }
}
