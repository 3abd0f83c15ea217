using PlaceDeMarche.Pipeline.Text.Transformers;

namespace PlaceDeMarche.Pipeline.Text.Tests.Transformers;

public sealed class MeanPoolingTests
{
    [Fact]
    public void AveragesOnlyTheTokensTheMaskKeeps()
    {
        // 2 rows x 3 tokens x 2 dimensions; row 0 keeps tokens 0 and 1 (token 2 is padding), row 1 keeps all three.
        float[] states = [1, 2, 3, 4, 100, 100, /* row 1 */ 1, 1, 2, 2, 6, 0];
        long[] mask = [1, 1, 0, 1, 1, 1];
        var pooled = new float[4];

        MeanPooling.Pool(states, mask, batch: 2, sequence: 3, dimensions: 2, pooled);

        // (1+3)/2, (2+4)/2 ; (1+2+6)/3, (1+2+0)/3
        Assert.Equal([2f, 3f, 3f, 1f], pooled);
    }

    [Fact]
    public void GivesTheZeroVectorWhenNoTokenIsKept()
    {
        var pooled = new float[] { 9, 9 };
        MeanPooling.Pool([5f, 6f], [0L], batch: 1, sequence: 1, dimensions: 2, pooled);
        Assert.Equal([0f, 0f], pooled);
    }

    [Fact]
    public void RejectsMismatchedShapes() =>
        Assert.Throws<ArgumentException>(() => MeanPooling.Pool(new float[5], new long[3], batch: 1, sequence: 3, dimensions: 2, new float[2]));
}
