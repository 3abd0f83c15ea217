namespace PlaceDeMarche.Pipeline.Numerics.Metrics;

/// <summary>Adjusted Rand index (Hubert &amp; Arabie): pair-counting agreement corrected for chance; 1 for identical
/// partitions up to relabeling, about 0 for random ones.</summary>
public static class AdjustedRandIndex
{
    /// <summary>ARI between two labelings of the same samples.</summary>
    public static double Compute(ReadOnlySpan<int> trueLabels, ReadOnlySpan<int> predictedLabels) =>
        Compute(new ContingencyTable(trueLabels, predictedLabels));

    /// <summary>ARI from a contingency table. Pair counts use 128-bit integers, so the result is exact up to the
    /// final division for any realistic sample count.</summary>
    public static double Compute(ContingencyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Int128 sumSquares = 0, classWeighted = 0, clusterWeighted = 0;
        for (var r = 0; r < table.Classes.Count; r++)
        {
            for (var c = 0; c < table.Clusters.Count; c++)
            {
                Int128 count = table[r, c];
                sumSquares += count * count;
                classWeighted += count * table.ClassTotals[r];
                clusterWeighted += count * table.ClusterTotals[c];
            }
        }

        // Ordered pair counts: same/same, different class but same cluster, same class but different cluster, rest.
        Int128 total = table.Total;
        var bothSame = sumSquares - total;
        var clusterOnly = clusterWeighted - sumSquares;
        var classOnly = classWeighted - sumSquares;
        var neither = total * total - clusterOnly - classOnly - sumSquares;
        if (clusterOnly == 0 && classOnly == 0)
        {
            return 1.0;
        }

        var numerator = 2 * (bothSame * neither - classOnly * clusterOnly);
        var denominator = (bothSame + classOnly) * (classOnly + neither) + (bothSame + clusterOnly) * (clusterOnly + neither);
        return (double)numerator / (double)denominator;
    }
}
