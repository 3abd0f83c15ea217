using PlaceDeMarche.Pipeline.Text.Embeddings;

namespace PlaceDeMarche.Pipeline.Text.Tests.Embeddings;

public sealed class SifEmbeddingTests
{
    // 10 tokens: red 4, blue 2, green 2, gold 2 ("gold" has no vector but still counts in p(w)).
    private static readonly string[][] Documents = [["red", "red", "red", "blue"], ["blue", "green", "gold"], ["red", "green"], ["gold"]];

    // Rows follow the vocabulary order (most frequent first): red = (1,0,0), blue = (0,2,0), green = (0,1,1).
    private static readonly WordVectors Vectors = new(
        EmbeddingVocabulary.Build([["red", "red", "red", "blue", "blue", "green"]], 1), 3, [1, 0, 0, 0, 2, 0, 0, 1, 1]);

    [Fact]
    public void Sif_weight_is_a_over_a_plus_the_corpus_frequency()
    {
        var weights = TermWeights.Sif(Documents, a: 0.1);
        // By hand: red p = 4/10 -> 0.1 / 0.5 = 0.2; blue, green, gold p = 2/10 -> 0.1 / 0.3 = 1/3; unseen -> 0.
        Assert.Equal(0.2, weights.Weight("red"), 12);
        Assert.Equal(1 / 3.0, weights.Weight("blue"), 12);
        Assert.Equal(1 / 3.0, weights.Weight("gold"), 12);
        Assert.Equal(0.0, weights.Weight("silver"));
    }

    [Fact]
    public void Sif_parameter_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TermWeights.Sif(Documents, a: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TermWeights.Sif(Documents, a: double.NaN));
    }

    [Fact]
    public void Common_component_is_the_first_singular_vector_and_is_projected_out()
    {
        // Rows (1,0), (0,1), (1,1): XᵀX = [[2,1],[1,2]], top eigenvector (1,1)/√2 (eigenvalue 3), so by hand the
        // rows become (0.5,-0.5), (-0.5,0.5), (0,0).
        float[][] vectors = [[1, 0], [0, 1], [1, 1]];
        var component = CommonComponent.Remove(vectors);
        Assert.Equal(1 / MathF.Sqrt(2), MathF.Abs(component[0]), 5);
        Assert.Equal(component[0], component[1], 5);
        Assert.Equal(0.5f, vectors[0][0], 5);
        Assert.Equal(-0.5f, vectors[0][1], 5);
        Assert.Equal(-0.5f, vectors[1][0], 5);
        Assert.Equal(0.5f, vectors[1][1], 5);
        Assert.Equal(0f, vectors[2][0], 5);
        Assert.Equal(0f, vectors[2][1], 5);
    }

    [Fact]
    public void Sif_embedding_averages_weighted_vectors_removes_the_common_component_and_normalises()
    {
        var vectors = new DocumentEmbedder(Vectors).EmbedAllSif(Documents, TermWeights.Sif(Documents, a: 0.1));
        // numpy (python3-numpy 1.24) from the paper's formulas: X[d] = mean over the words with a vector of
        // w(word) v(word) (document 1 = (0, 0.5, 1/6): "gold" is not counted), vt[0] of np.linalg.svd(X),
        // X - (X @ pc)[:, None] * pc, rows L2-normalised; the empty document stays zero.
        float[][] expected =
        [
            [0.89749616f, 0.03335800f, -0.43975889f],
            [-0.94777953f, 0.22682501f, -0.22419717f],
            [0.57786885f, -0.36421917f, 0.73035059f],
            [0f, 0f, 0f],
        ];
        for (var d = 0; d < expected.Length; d++)
        {
            for (var i = 0; i < 3; i++)
                Assert.Equal(expected[d][i], vectors[d][i], 4);
        }
    }
}
