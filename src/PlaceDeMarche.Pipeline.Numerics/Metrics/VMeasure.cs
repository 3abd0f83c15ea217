namespace PlaceDeMarche.Pipeline.Numerics.Metrics;

/// <summary>Homogeneity, completeness and V-measure, matching scikit-learn's homogeneity_completeness_v_measure.</summary>
public static class VMeasure
{
    /// <summary>Scores two labelings; <paramref name="beta"/> &gt; 1 weights completeness more.</summary>
    public static VMeasureScores Compute(ReadOnlySpan<int> trueLabels, ReadOnlySpan<int> predictedLabels, double beta = 1.0) =>
        Compute(new ContingencyTable(trueLabels, predictedLabels), beta);

    /// <summary>Scores a contingency table; <paramref name="beta"/> &gt; 1 weights completeness more.</summary>
    public static VMeasureScores Compute(ContingencyTable table, double beta = 1.0)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!(beta > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be positive.");
        }

        var classEntropy = InformationMeasures.Entropy(table.ClassTotals, table.Total);
        var clusterEntropy = InformationMeasures.Entropy(table.ClusterTotals, table.Total);
        var information = InformationMeasures.MutualInformation(table);
        var homogeneity = classEntropy == 0 ? 1.0 : information / classEntropy;
        var completeness = clusterEntropy == 0 ? 1.0 : information / clusterEntropy;
        var vMeasure = homogeneity + completeness == 0
            ? 0.0
            : (1 + beta) * homogeneity * completeness / (beta * homogeneity + completeness);
        return new VMeasureScores(homogeneity, completeness, vMeasure);
    }
}
