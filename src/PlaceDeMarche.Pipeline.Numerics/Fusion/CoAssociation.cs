namespace PlaceDeMarche.Pipeline.Numerics.Fusion;

/// <summary>
/// Consensus of several partitions of the same items (evidence accumulation, Fred &amp; Jain 2005): entry (i, j) is the
/// share of the partitions that put items i and j in the same cluster. Partitions of different representations (text,
/// image) and seeds can be combined this way without comparing their feature spaces.
/// </summary>
public static class CoAssociation
{
    /// <param name="partitions">Each partition gives a cluster label per item; all cover the same items in the same order.</param>
    /// <returns>The symmetric matrix as rows, 1 on the diagonal.</returns>
    public static float[][] Matrix(IReadOnlyList<int[]> partitions)
    {
        if (partitions.Count == 0)
        {
            throw new ArgumentException("At least one partition is needed.", nameof(partitions));
        }

        var items = partitions[0].Length;
        if (partitions.Any(p => p.Length != items))
        {
            throw new ArgumentException($"Every partition must label the same {items} items.", nameof(partitions));
        }

        var counts = new int[items * items];
        foreach (var labels in partitions)
        {
            // Items of one cluster are listed once, so each pair is counted by visiting only its cluster's members.
            foreach (var members in Enumerable.Range(0, items).GroupBy(i => labels[i]).Select(g => g.ToArray()))
            {
                foreach (var i in members)
                {
                    var row = i * items;
                    foreach (var j in members)
                    {
                        counts[row + j]++;
                    }
                }
            }
        }

        var matrix = new float[items][];
        for (var i = 0; i < items; i++)
        {
            matrix[i] = new float[items];
            for (var j = 0; j < items; j++)
            {
                matrix[i][j] = (float)counts[i * items + j] / partitions.Count;
            }
        }

        return matrix;
    }
}
