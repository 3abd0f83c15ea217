namespace PlaceDeMarche.Pipeline.Numerics.Metrics;

/// <summary>Entropies and mutual information (natural log) of labelings, computed as scikit-learn does.</summary>
internal static class InformationMeasures
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Shannon entropy of the distribution given by <paramref name="totals"/>.</summary>
    public static double Entropy(IReadOnlyList<long> totals, long count)
    {
        if (totals.Count <= 1)
        {
            return 0.0;
        }

        var entropy = 0.0;
        foreach (var total in totals)
        {
            var share = (double)total / count;
            entropy -= share * Math.Log(share);
        }

        return entropy;
    }

    /// <summary>Mutual information between classes and clusters; terms below machine epsilon count as zero and the
    /// sum is clipped at zero.</summary>
    public static double MutualInformation(ContingencyTable table)
    {
        if (table.Classes.Count == 1 || table.Clusters.Count == 1)
        {
            return 0.0;
        }

        double total = table.Total;
        var information = 0.0;
        for (var r = 0; r < table.Classes.Count; r++)
        {
            for (var c = 0; c < table.Clusters.Count; c++)
            {
                double count = table[r, c];
                if (count == 0)
                {
                    continue;
                }

                var expected = (double)table.ClassTotals[r] * table.ClusterTotals[c];
                var term = count / total * Math.Log(count * total / expected);
                information += Math.Abs(term) < MachineEpsilon ? 0.0 : term;
            }
        }

        return Math.Max(information, 0.0);
    }
}
