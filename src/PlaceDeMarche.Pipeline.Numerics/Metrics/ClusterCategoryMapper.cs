namespace PlaceDeMarche.Pipeline.Numerics.Metrics;

/// <summary>Maps unsupervised clusters to known categories so clusterings can be read as classifiers.</summary>
public static class ClusterCategoryMapper
{
    /// <summary>
    /// Pairs clusters and categories one-to-one maximising the number of agreeing samples (Hungarian method).
    /// When there are more clusters than categories, the unpaired clusters take their majority category; when there
    /// are fewer, some categories are never predicted.
    /// </summary>
    public static ClusterCategoryMapping Map(ReadOnlySpan<int> categories, ReadOnlySpan<int> clusters)
    {
        var table = new ContingencyTable(categories, clusters);
        int categoryCount = table.Classes.Count, clusterCount = table.Clusters.Count;
        var overlap = new double[clusterCount, categoryCount];
        for (var c = 0; c < clusterCount; c++)
        {
            for (var k = 0; k < categoryCount; k++)
            {
                overlap[c, k] = table[k, c];
            }
        }

        var assignment = HungarianMatching.MaximumWeightAssignment(overlap);
        var categoryIndexOfCluster = new Dictionary<int, int>(clusterCount);
        var categoryOfCluster = new Dictionary<int, int>(clusterCount);
        for (var c = 0; c < clusterCount; c++)
        {
            var index = assignment[c] >= 0 ? assignment[c] : MajorityCategory(table, c);
            categoryIndexOfCluster[table.Clusters[c]] = index;
            categoryOfCluster[table.Clusters[c]] = table.Classes[index];
        }

        var categoryIndex = new Dictionary<int, int>(categoryCount);
        for (var k = 0; k < categoryCount; k++)
        {
            categoryIndex[table.Classes[k]] = k;
        }

        var predicted = new int[categories.Length];
        var confusion = new long[categoryCount, categoryCount];
        long correct = 0;
        for (var s = 0; s < categories.Length; s++)
        {
            var predictedIndex = categoryIndexOfCluster[clusters[s]];
            var trueIndex = categoryIndex[categories[s]];
            predicted[s] = table.Classes[predictedIndex];
            confusion[trueIndex, predictedIndex]++;
            correct += trueIndex == predictedIndex ? 1 : 0;
        }

        return new ClusterCategoryMapping(
            table.Classes, categoryOfCluster, predicted, confusion, (double)correct / categories.Length);
    }

    private static int MajorityCategory(ContingencyTable table, int clusterIndex)
    {
        var best = 0;
        for (var k = 1; k < table.Classes.Count; k++)
        {
            if (table[k, clusterIndex] > table[best, clusterIndex])
            {
                best = k;
            }
        }

        return best;
    }
}
