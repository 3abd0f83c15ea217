using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Supervised.Tests;

/// <summary>Small labelled data made on the spot.</summary>
internal static class Toy
{
    /// <summary>Gaussian blobs in 4 dimensions, one per class, centres 6 apart: linearly separable in practice.</summary>
    public static (float[][] Vectors, int[] Labels) Blobs(int rows, int classes, int seed)
    {
        var random = new Xoshiro256StarStar((ulong)seed);
        var labels = Enumerable.Range(0, rows).Select(i => i % classes).ToArray();
        var vectors = labels.Select(label => Enumerable.Range(0, 4).Select(d => (float)((d == label % 4 ? 6.0 : 0.0) + random.NextGaussian())).ToArray()).ToArray();
        return (vectors, labels);
    }
}
