using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Manifold;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Manifold;

/// <summary>
/// Embedding quality against scikit-learn 1.2.1 (Debian python3-sklearn, /usr/bin/python3) on <see cref="Fixture"/>,
/// which the script below regenerates bit for bit (same 64-bit LCG, float32 data):
/// <code>
/// MASK = (1 &lt;&lt; 64) - 1; state = 20261122
/// def uniform():
///     global state
///     state = (state * 6364136223846793005 + 1442695040888963407) &amp; MASK
///     return (state &gt;&gt; 11) * 2.0 ** -53
/// centres = [[4 * uniform() - 2 for _ in range(10)] for _ in range(4)]
/// X = np.array([[centres[i % 4][j] + uniform() + uniform() + uniform() - 1.5 for j in range(10)]
///               for i in range(200)], dtype=np.float32)
/// TSNE(perplexity=20, init=..., method="barnes_hut", angle=0.0, random_state=seed, learning_rate="auto").fit(X)
/// </code>
/// barnes_hut with angle 0 is our algorithm (neighbour-restricted P, repulsion over all pairs). Over seeds 0–4:
/// PCA init KL 0.4215, 0.4239, 0.4364, 0.4270, 0.4221 and random init KL 0.4325, 0.4317, 0.4236, 0.4302, 0.4286
/// (mean 0.428); trustworthiness(X, Y, n_neighbors=10) 0.9715 to 0.9736 (mean 0.9726). method="exact" gives KL
/// 0.4215 to 0.4502 and trustworthiness 0.9713 to 0.9740. Random starts differ between the two libraries, so the
/// bounds allow the spread seen above plus a margin: KL within ±0.03 of 0.428, trustworthiness at least 0.965.
/// </summary>
public sealed class TSneReferenceTests
{
    private const int Rows = 200;
    private const int Columns = 10;
    private const int Clusters = 4;

    [Theory]
    [InlineData(TSneInitialization.Pca, 0)]
    [InlineData(TSneInitialization.Random, 0)]
    [InlineData(TSneInitialization.Random, 1)]
    public void DivergenceAndTrustworthinessMatchScikitLearn(TSneInitialization initialization, int seed)
    {
        var data = Fixture();
        var result = TSne.Fit(data, new TSneOptions { Perplexity = 20, Initialization = initialization, Seed = seed });

        Assert.InRange(result.KullbackLeiblerDivergence, 0.398, 0.458);
        Assert.InRange(Trustworthiness(data, result.Embedding, 10), 0.965, 1.0);
    }

    [Fact]
    public void FixtureMatchesTheReferenceScript()
    {
        var data = Fixture();

        // X[0, :3] and X[199, 9] printed by the script in the class comment.
        Assert.Equal([0.19596901535987854f, -0.8418199419975281f, 0.4466456174850464f], data.Row(0)[..3].ToArray());
        Assert.Equal(2.116102695465088f, data[199, 9]);
    }

    [Fact]
    public void TrustworthinessMatchesScikitLearn()
    {
        var data = Fixture();
        var firstTwoColumns = new DenseMatrix(Rows, 2);
        for (var i = 0; i < Rows; i++)
        {
            firstTwoColumns[i, 0] = data[i, 0];
            firstTwoColumns[i, 1] = data[i, 1];
        }

        // sklearn.manifold.trustworthiness(X, X[:, :2], n_neighbors=10) on the fixture.
        Assert.Equal(0.8366504065040651, Trustworthiness(data, firstTwoColumns, 10), 12);
    }

    /// <summary>Four overlapping clusters in 10-D, rows cycling through the clusters (see the class comment).</summary>
    private static DenseMatrix Fixture()
    {
        var state = 20261122UL;
        double Uniform()
        {
            state = unchecked(state * 6364136223846793005UL + 1442695040888963407UL);
            return (state >> 11) * Math.Pow(2, -53);
        }

        var centres = new double[Clusters, Columns];
        for (var c = 0; c < Clusters; c++)
        {
            for (var j = 0; j < Columns; j++)
            {
                centres[c, j] = 4 * Uniform() - 2;
            }
        }

        var data = new DenseMatrix(Rows, Columns);
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                data[i, j] = (float)(centres[i % Clusters, j] + Uniform() + Uniform() + Uniform() - 1.5);
            }
        }

        return data;
    }

    /// <summary>
    /// Venna and Kaski's trustworthiness: 1 − 2 / (n k (2n − 3k − 1)) Σᵢ Σ over the embedded k nearest neighbours j of
    /// i that are not among its k nearest in the input of max(0, rank of j in the input − k).
    /// </summary>
    private static double Trustworthiness(DenseMatrix input, DenseMatrix embedding, int k)
    {
        var n = input.Rows;
        var penalty = 0.0;
        for (var i = 0; i < n; i++)
        {
            var inputOrder = NeighboursByDistance(input, i);
            var inputRank = new int[n];
            for (var r = 0; r < inputOrder.Length; r++)
            {
                inputRank[inputOrder[r]] = r + 1;
            }

            foreach (var j in NeighboursByDistance(embedding, i).Take(k))
            {
                penalty += Math.Max(0, inputRank[j] - k);
            }
        }

        return 1.0 - 2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0)) * penalty;
    }

    private static int[] NeighboursByDistance(DenseMatrix points, int i) =>
        Enumerable.Range(0, points.Rows)
            .Where(j => j != i)
            .OrderBy(j => SquaredDistance(points, i, j))
            .ThenBy(j => j)
            .ToArray();

    private static double SquaredDistance(DenseMatrix points, int i, int j)
    {
        var sum = 0.0;
        for (var c = 0; c < points.Columns; c++)
        {
            var difference = (double)points[i, c] - points[j, c];
            sum += difference * difference;
        }

        return sum;
    }
}
