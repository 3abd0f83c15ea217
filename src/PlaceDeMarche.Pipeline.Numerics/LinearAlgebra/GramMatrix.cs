namespace PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

/// <summary>Cache-blocked, parallel computation of A·Aᵀ for a row-major double matrix A.</summary>
internal static class GramMatrix
{
    // 32 rows x 256 doubles = 64 KiB per tile: two tiles stay in L2 while every pair of their rows is dotted.
    private const int TileRows = 32;
    private const int ChunkColumns = 256;

    /// <summary>
    /// Adds A·Aᵀ (rows × rows, both triangles) to <paramref name="target"/>. Each entry is summed by one task in
    /// a fixed chunk order, so the result does not depend on thread scheduling.
    /// </summary>
    public static void AddProduct(double[] a, int rows, int columns, double[] target)
    {
        var tiles = (rows + TileRows - 1) / TileRows;
        var pairCount = tiles * (tiles + 1) / 2;
        Parallel.For(0, pairCount, pair =>
        {
            var (tileI, tileJ) = DecodePair(pair);
            var rowStartI = tileI * TileRows;
            var rowEndI = Math.Min(rowStartI + TileRows, rows);
            var rowStartJ = tileJ * TileRows;
            var rowEndJ = Math.Min(rowStartJ + TileRows, rows);
            var sums = new double[TileRows * TileRows];
            for (var chunk = 0; chunk < columns; chunk += ChunkColumns)
            {
                var width = Math.Min(ChunkColumns, columns - chunk);
                for (var i = rowStartI; i < rowEndI; i++)
                {
                    var rowI = a.AsSpan(i * columns + chunk, width);
                    var lastJ = tileI == tileJ ? i + 1 : rowEndJ;
                    for (var j = rowStartJ; j < lastJ; j++)
                    {
                        sums[(i - rowStartI) * TileRows + j - rowStartJ] +=
                            VectorKernels.Dot(rowI, a.AsSpan(j * columns + chunk, width));
                    }
                }
            }

            for (var i = rowStartI; i < rowEndI; i++)
            {
                var lastJ = tileI == tileJ ? i + 1 : rowEndJ;
                for (var j = rowStartJ; j < lastJ; j++)
                {
                    var value = sums[(i - rowStartI) * TileRows + j - rowStartJ];
                    target[i * rows + j] += value;
                    if (i != j)
                    {
                        target[j * rows + i] += value;
                    }
                }
            }
        });
    }

    /// <summary>Maps a linear index to the tile pair (i, j) with j ≤ i.</summary>
    private static (int TileI, int TileJ) DecodePair(int pair)
    {
        var tileI = (int)((Math.Sqrt(8.0 * pair + 1) - 1) / 2);
        while (tileI * (tileI + 1) / 2 > pair)
        {
            tileI--;
        }

        while ((tileI + 1) * (tileI + 2) / 2 <= pair)
        {
            tileI++;
        }

        return (tileI, pair - tileI * (tileI + 1) / 2);
    }
}
