using PlaceDeMarche.Pipeline.Numerics.Metrics;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Metrics;

public class HungarianMatchingTests
{
    [Fact]
    public void FindsOptimalSquareAssignment()
    {
        // The optimum rows → columns (1, 0, 2, 3), total 2 + 6 + 1 + 4 = 13, was found by enumerating the
        // 24 permutations; the brute-force helper re-checks it.
        double[,] cost =
        {
            { 9, 2, 7, 8 },
            { 6, 4, 3, 7 },
            { 5, 8, 1, 8 },
            { 7, 6, 9, 4 },
        };
        var assignment = HungarianMatching.MinimumCostAssignment(cost);
        Assert.Equal([1, 0, 2, 3], assignment);
        Assert.Equal(13.0, Total(cost, assignment));
        Assert.Equal(BruteForceMinimum(cost), Total(cost, assignment));
    }

    [Fact]
    public void HandlesRectangularMatrices()
    {
        double[,] wide = { { 4, 1, 3, 9 }, { 2, 0, 5, 1 } };
        var wideAssignment = HungarianMatching.MinimumCostAssignment(wide);
        Assert.Equal([1, 3], wideAssignment);

        double[,] tall = { { 4, 2 }, { 1, 0 }, { 3, 5 }, { 9, 1 } };
        var tallAssignment = HungarianMatching.MinimumCostAssignment(tall);
        Assert.Equal([-1, 0, -1, 1], tallAssignment);
    }

    [Fact]
    public void MaximumWeightPrefersLargestOverlap()
    {
        double[,] overlap = { { 1, 8, 0 }, { 7, 6, 0 }, { 0, 0, 3 } };
        Assert.Equal([1, 0, 2], HungarianMatching.MaximumWeightAssignment(overlap));
    }

    [Fact]
    public void RandomMatricesMatchBruteForce()
    {
        var random = new Numerics.Random.Xoshiro256StarStar(77);
        for (var trial = 0; trial < 30; trial++)
        {
            var cost = new double[5, 5];
            for (var r = 0; r < 5; r++)
            {
                for (var c = 0; c < 5; c++)
                {
                    cost[r, c] = random.NextInt(20);
                }
            }

            Assert.Equal(BruteForceMinimum(cost), Total(cost, HungarianMatching.MinimumCostAssignment(cost)));
        }
    }

    [Fact]
    public void MapsClustersToCategoriesWithConfusionMatrix()
    {
        int[] categories = [10, 10, 10, 20, 20, 20, 30, 30];
        int[] clusters = [2, 2, 0, 0, 0, 1, 1, 1];
        var mapping = ClusterCategoryMapper.Map(categories, clusters);
        Assert.Equal([10, 20, 30], mapping.Categories);
        Assert.Equal(10, mapping.CategoryOfCluster[2]);
        Assert.Equal(20, mapping.CategoryOfCluster[0]);
        Assert.Equal(30, mapping.CategoryOfCluster[1]);
        Assert.Equal([10, 10, 20, 20, 20, 30, 30, 30], mapping.PredictedCategories);
        Assert.Equal(new long[,] { { 2, 1, 0 }, { 0, 2, 1 }, { 0, 0, 2 } }, mapping.ConfusionMatrix);
        Assert.Equal(6.0 / 8.0, mapping.Accuracy);
    }

    [Fact]
    public void ExtraClustersTakeTheirMajorityCategory()
    {
        int[] categories = [0, 0, 0, 1, 1, 1];
        int[] clusters = [0, 0, 2, 1, 1, 2];
        var mapping = ClusterCategoryMapper.Map(categories, clusters);
        Assert.Equal(0, mapping.CategoryOfCluster[0]);
        Assert.Equal(1, mapping.CategoryOfCluster[1]);
        Assert.Equal(0, mapping.CategoryOfCluster[2]);
        Assert.Equal(5.0 / 6.0, mapping.Accuracy);
    }

    private static double Total(double[,] cost, int[] assignment) =>
        Enumerable.Range(0, assignment.Length).Where(r => assignment[r] >= 0).Sum(r => cost[r, assignment[r]]);

    private static double BruteForceMinimum(double[,] cost)
    {
        var n = cost.GetLength(0);
        double best = double.PositiveInfinity;
        void Search(int row, bool[] used, double sum)
        {
            if (row == n)
            {
                best = Math.Min(best, sum);
                return;
            }

            for (var c = 0; c < n; c++)
            {
                if (!used[c])
                {
                    used[c] = true;
                    Search(row + 1, used, sum + cost[row, c]);
                    used[c] = false;
                }
            }
        }

        Search(0, new bool[n], 0);
        return best;
    }
}
