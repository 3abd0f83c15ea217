using System.Numerics;
using PlaceDeMarche.Pipeline.Numerics.Metrics;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Metrics;

public class AgreementMetricsTests
{
    // Expected [ARI, NMI, homogeneity, completeness, V-measure] from scikit-learn 1.2.1 (adjusted_rand_score,
    // normalized_mutual_info_score, homogeneity_completeness_v_measure) on the same label vectors.
    public static TheoryData<int[], int[], double[]> Cases => new()
    {
        { [0, 0, 0, 1, 1, 1, 2, 2, 2, 2], [0, 0, 1, 1, 1, 2, 2, 2, 0, 0], [0.09090909090909091, 0.3946483716358942, 0.3946483716358942, 0.3946483716358942, 0.3946483716358943] },
        { [1, 1, 1, 1, 2, 2, 2, 2], [5, 5, 7, 7, 5, 5, 7, 7], [-0.16666666666666666, 0.0, 0.0, 0.0, 0.0] },
        { [0, 1, 2, 3, 4, 5], [0, 0, 0, 1, 1, 1], [0.0, 0.5578858913022593, 0.3868528072345413, 0.9999999999999993, 0.5578858913022592] },
        // Edge case: both labelings a single cluster.
        { [3, 3, 3, 3], [3, 3, 3, 3], [1.0, 1.0, 1.0, 1.0, 1.0] },
        // Edge case: identical partitions with permuted label values.
        { [0, 0, 1, 1, 2, 2], [1, 1, 2, 2, 0, 0], [1.0, 1.0, 1.0, 1.0, 1.0] },
        // Edge case: one true class split into three clusters.
        { [0, 0, 0, 0, 0, 0], [0, 1, 2, 0, 1, 2], [0.0, 0.0, 1.0, 0.0, 0.0] },
        { [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6], [1, 1, 1, 0, 2, 2, 3, 3, 3, 4, 6, 6, 5, 5], [0.5894736842105263, 0.876650475752496, 0.859812753150758, 0.8941608372631906, 0.8766504757524961] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchScikitLearn(int[] truth, int[] predicted, double[] expected)
    {
        Assert.Equal(expected[0], AdjustedRandIndex.Compute(truth, predicted), 12);
        Assert.Equal(expected[1], NormalizedMutualInformation.Compute(truth, predicted), 12);
        var scores = VMeasure.Compute(truth, predicted);
        Assert.Equal(expected[2], scores.Homogeneity, 12);
        Assert.Equal(expected[3], scores.Completeness, 12);
        Assert.Equal(expected[4], scores.VMeasure, 12);
    }

    [Fact]
    public void AdjustedRandIndexIsExactForMillionsOfSamples()
    {
        // Two clusters of 1.5 million; the prediction moves 1000 samples from the first to the second. Products of
        // pair counts exceed 2⁶³, so this checks the 128-bit arithmetic against Hubert & Arabie's original formula
        // (index − expected) / (max − expected) over C(nᵢⱼ, 2), evaluated exactly with BigInteger.
        const int half = 1_500_000, moved = 1000;
        var truth = new int[2 * half];
        var predicted = new int[2 * half];
        for (var i = 0; i < truth.Length; i++)
        {
            truth[i] = i < half ? 0 : 1;
            predicted[i] = i < half - moved ? 0 : 1;
        }

        static BigInteger Pairs(BigInteger count) => count * (count - 1) / 2;
        var index = Pairs(half - moved) + Pairs(moved) + Pairs(half);
        var classPairs = Pairs(half) + Pairs(half);
        var clusterPairs = Pairs(half - moved) + Pairs(half + moved);
        var allPairs = Pairs(2 * half);

        // Multiply through by 2·C(n, 2) to stay in integers: ARI = (2·index·N − 2·A·B) / ((A + B)·N − 2·A·B).
        var numerator = 2 * index * allPairs - 2 * classPairs * clusterPairs;
        var denominator = (classPairs + clusterPairs) * allPairs - 2 * classPairs * clusterPairs;
        var expected = (double)numerator / (double)denominator;
        Assert.Equal(expected, AdjustedRandIndex.Compute(truth, predicted), 14);
        Assert.InRange(expected, 0.99, 1.0);
    }

    [Fact]
    public void ContingencyTableCountsPairs()
    {
        var table = new ContingencyTable([5, 5, 9, 9, 9], [1, 2, 2, 2, 1]);
        Assert.Equal([5, 9], table.Classes);
        Assert.Equal([1, 2], table.Clusters);
        Assert.Equal(1, table[0, 0]);
        Assert.Equal(1, table[0, 1]);
        Assert.Equal(1, table[1, 0]);
        Assert.Equal(2, table[1, 1]);
        Assert.Equal([2L, 3L], table.ClassTotals);
        Assert.Equal([2L, 3L], table.ClusterTotals);
        Assert.Equal(5, table.Total);
    }

    [Fact]
    public void RejectsMismatchedOrEmptyLabelings()
    {
        Assert.Throws<ArgumentException>(() => AdjustedRandIndex.Compute([0, 1], [0]));
        Assert.Throws<ArgumentException>(() => NormalizedMutualInformation.Compute([], []));
    }
}
