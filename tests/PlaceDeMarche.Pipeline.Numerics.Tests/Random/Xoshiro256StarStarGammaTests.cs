using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Random;

public class Xoshiro256StarStarGammaTests
{
    [Theory]
    [InlineData(100.0)]
    [InlineData(2.5)]
    [InlineData(0.3)]
    public void GammaSamplesHaveTheExpectedMoments(double shape)
    {
        // Gamma(shape, 1) has mean and variance both equal to shape; with 40 000 draws the standard error of the
        // mean is √(shape / 40 000), and that of the variance about shape·√((2 + 6 / shape) / 40 000).
        const int draws = 40_000;
        var random = new Xoshiro256StarStar(99);
        var samples = new double[draws];
        for (var i = 0; i < draws; i++)
        {
            samples[i] = random.NextGamma(shape);
            Assert.True(samples[i] > 0);
        }

        var mean = samples.Average();
        var variance = samples.Sum(value => (value - mean) * (value - mean)) / (draws - 1);
        Assert.Equal(shape, mean, 5 * Math.Sqrt(shape / draws));
        Assert.Equal(shape, variance, 5 * shape * Math.Sqrt((2 + 6 / shape) / draws));
    }

    [Fact]
    public void RejectsNonPositiveShape()
    {
        var random = new Xoshiro256StarStar(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextGamma(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextGamma(double.NaN));
    }
}
