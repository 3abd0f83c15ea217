using PlaceDeMarche.Pipeline.Supervised.Boosted;
using PlaceDeMarche.Pipeline.Supervised.Evaluation;

namespace PlaceDeMarche.Pipeline.Supervised.Tests;

public sealed class LightGbmFamilyTests
{
    [Fact]
    public void LearnsSeparableClassesDeterministically()
    {
        var (vectors, labels) = Toy.Blobs(120, classes: 3, seed: 4);
        var family = new LightGbmFamily([0.1], new LightGbmOptions { Iterations = 30, Leaves = 4, MinimumExampleCountPerLeaf = 3, Threads = 2 });

        var first = family.Train(vectors, labels, 3, 0.1, seed: 1).Probabilities(vectors);
        var second = family.Train(vectors, labels, 3, 0.1, seed: 1).Probabilities(vectors);

        Assert.True(NestedCrossValidation.Accuracy(first, labels) > 0.95);
        Assert.All(first, p => Assert.Equal(1.0, p.Sum(), 4));
        Assert.Equal(first.SelectMany(p => p), second.SelectMany(p => p));
    }
}
