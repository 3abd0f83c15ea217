using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.LinearAlgebra;

public class VectorKernelsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(8, 4)]
    [InlineData(13, 5)]
    [InlineData(512, 7)]
    [InlineData(50, 9)]
    public void DistancesToManyCentresHaveTheBitsOfOneAtATime(int length, int centres)
    {
        var random = new Xoshiro256StarStar(3);
        var row = Enumerable.Range(0, length).Select(_ => (float)random.NextGaussian()).ToArray();
        var matrix = Enumerable.Range(0, length * centres).Select(_ => (float)(10 * random.NextGaussian())).ToArray();
        var result = new double[centres];
        VectorKernels.SquaredDistances(row, matrix, result);
        for (var c = 0; c < centres; c++)
        {
            Assert.Equal(VectorKernels.SquaredDistance(row, matrix.AsSpan(c * length, length)), result[c]);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(21)]
    public void WidenedAdditionHasTheBitsOfAScalarLoop(int length)
    {
        var random = new Xoshiro256StarStar(5);
        var source = Enumerable.Range(0, length).Select(_ => (float)(1e3 * random.NextGaussian())).ToArray();
        var target = Enumerable.Range(0, length).Select(_ => random.NextGaussian() / 3).ToArray();
        var expected = target.Select((value, j) => value + source[j]).ToArray();
        VectorKernels.AddWidened(target, source);
        Assert.Equal(expected, target);
    }
}
