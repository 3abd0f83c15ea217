using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Tests;

/// <summary>Seeded synthetic datasets shared by the tests.</summary>
internal static class SyntheticData
{
    /// <summary>Isotropic Gaussian blobs: <paramref name="perBlob"/> rows around each centre, labels = blob index.</summary>
    public static (DenseMatrix Data, int[] Labels) Blobs(float[][] centres, int perBlob, double spread, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var columns = centres[0].Length;
        var data = new DenseMatrix(centres.Length * perBlob, columns);
        var labels = new int[data.Rows];
        for (var b = 0; b < centres.Length; b++)
        {
            for (var p = 0; p < perBlob; p++)
            {
                var row = b * perBlob + p;
                labels[row] = b;
                for (var j = 0; j < columns; j++)
                {
                    data[row, j] = centres[b][j] + (float)(spread * random.NextGaussian());
                }
            }
        }

        return (data, labels);
    }

    /// <summary>Three blobs in <paramref name="dimensions"/>-D with centres 20 units apart on the first axes.</summary>
    public static (DenseMatrix Data, int[] Labels) FarBlobs(int dimensions, int perBlob, ulong seed)
    {
        var centres = new float[3][];
        for (var b = 0; b < 3; b++)
        {
            centres[b] = new float[dimensions];
            centres[b][b % dimensions] = 20f;
        }

        return Blobs(centres, perBlob, 1.0, seed);
    }
}
