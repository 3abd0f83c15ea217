namespace PlaceDeMarche.Pipeline.Numerics.Metrics;

/// <summary>Counts of samples per (true class, predicted cluster) pair; labels are arbitrary integers, indexed here
/// in ascending order.</summary>
public sealed class ContingencyTable
{
    private readonly long[] _counts;

    /// <summary>Cross-tabulates two labelings of the same samples.</summary>
    public ContingencyTable(ReadOnlySpan<int> trueLabels, ReadOnlySpan<int> predictedLabels)
    {
        if (trueLabels.Length != predictedLabels.Length)
        {
            throw new ArgumentException(
                $"The labelings differ in length: {trueLabels.Length} true labels vs {predictedLabels.Length} predicted.");
        }

        if (trueLabels.IsEmpty)
        {
            throw new ArgumentException("Cannot compare empty labelings.");
        }

        var classes = DistinctSorted(trueLabels);
        var clusters = DistinctSorted(predictedLabels);
        Classes = classes;
        Clusters = clusters;
        var classIndex = IndexOf(classes);
        var clusterIndex = IndexOf(clusters);
        _counts = new long[classes.Length * clusters.Length];
        var classTotals = new long[classes.Length];
        var clusterTotals = new long[clusters.Length];
        for (var s = 0; s < trueLabels.Length; s++)
        {
            var row = classIndex[trueLabels[s]];
            var column = clusterIndex[predictedLabels[s]];
            _counts[row * clusters.Length + column]++;
            classTotals[row]++;
            clusterTotals[column]++;
        }

        ClassTotals = classTotals;
        ClusterTotals = clusterTotals;
        Total = trueLabels.Length;
    }

    /// <summary>Distinct true labels, ascending (row order).</summary>
    public IReadOnlyList<int> Classes { get; }

    /// <summary>Distinct predicted labels, ascending (column order).</summary>
    public IReadOnlyList<int> Clusters { get; }

    /// <summary>Samples per class (row sums).</summary>
    public IReadOnlyList<long> ClassTotals { get; }

    /// <summary>Samples per cluster (column sums).</summary>
    public IReadOnlyList<long> ClusterTotals { get; }

    /// <summary>Number of samples.</summary>
    public long Total { get; }

    /// <summary>Samples of class <c>Classes[classIndex]</c> put in cluster <c>Clusters[clusterIndex]</c>.</summary>
    public long this[int classIndex, int clusterIndex] => _counts[classIndex * Clusters.Count + clusterIndex];

    private static int[] DistinctSorted(ReadOnlySpan<int> labels)
    {
        var distinct = new HashSet<int>();
        foreach (var label in labels)
        {
            distinct.Add(label);
        }

        var sorted = distinct.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static Dictionary<int, int> IndexOf(int[] labels)
    {
        var index = new Dictionary<int, int>(labels.Length);
        for (var i = 0; i < labels.Length; i++)
        {
            index[labels[i]] = i;
        }

        return index;
    }
}
