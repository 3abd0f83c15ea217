namespace PlaceDeMarche.Pipeline.Numerics.Metrics;

/// <summary>Normalized mutual information with the arithmetic-mean normaliser (scikit-learn's default):
/// MI / ((H(classes) + H(clusters)) / 2).</summary>
public static class NormalizedMutualInformation
{
    /// <summary>NMI between two labelings of the same samples.</summary>
    public static double Compute(ReadOnlySpan<int> trueLabels, ReadOnlySpan<int> predictedLabels) =>
        Compute(new ContingencyTable(trueLabels, predictedLabels));

    /// <summary>NMI from a contingency table; 1 when both labelings put every sample in one group.</summary>
    public static double Compute(ContingencyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Classes.Count == 1 && table.Clusters.Count == 1)
        {
            return 1.0;
        }

        var information = InformationMeasures.MutualInformation(table);
        if (information == 0.0)
        {
            return 0.0;
        }

        var classEntropy = InformationMeasures.Entropy(table.ClassTotals, table.Total);
        var clusterEntropy = InformationMeasures.Entropy(table.ClusterTotals, table.Total);
        return information / ((classEntropy + clusterEntropy) / 2.0);
    }
}
