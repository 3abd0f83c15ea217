using PlaceDeMarche.Pipeline.Supervised.Evaluation;
using PlaceDeMarche.Pipeline.Supervised.Linear;

namespace PlaceDeMarche.Pipeline.Supervised.Tests;

public sealed class MaximumEntropyTrainerTests
{
    [Fact]
    public void LearnsSeparableClassesAndGivesProbabilities()
    {
        var (vectors, labels) = Toy.Blobs(90, classes: 3, seed: 1);

        var model = MaximumEntropyTrainer.Train(vectors, labels, 3, new MaximumEntropyOptions(), seed: 1);

        var probabilities = model.Probabilities(vectors);
        Assert.True(NestedCrossValidation.Accuracy(probabilities, labels) > 0.95);
        Assert.All(probabilities, p => Assert.Equal(1.0, p.Sum(), 4));
    }

    [Fact]
    public void TheSameDataAndSeedGiveTheSameWeights()
    {
        var (vectors, labels) = Toy.Blobs(60, classes: 3, seed: 2);

        var first = MaximumEntropyTrainer.Train(vectors, labels, 3, new MaximumEntropyOptions(), seed: 7);
        var second = MaximumEntropyTrainer.Train(vectors, labels, 3, new MaximumEntropyOptions(), seed: 7);

        Assert.Equal(first.Weights.SelectMany(w => w), second.Weights.SelectMany(w => w));
        Assert.Equal(first.Biases, second.Biases);
    }

    [Fact]
    public void AStrongerPenaltyShrinksTheWeights()
    {
        var (vectors, labels) = Toy.Blobs(60, classes: 3, seed: 3);

        var loose = MaximumEntropyTrainer.Train(vectors, labels, 3, new MaximumEntropyOptions { L2Regularization = 0.01f }, seed: 1);
        var tight = MaximumEntropyTrainer.Train(vectors, labels, 3, new MaximumEntropyOptions { L2Regularization = 100f }, seed: 1);

        Assert.True(Norm(tight) < Norm(loose) / 2, $"{Norm(tight)} vs {Norm(loose)}");
    }

    private static double Norm(SoftmaxModel model) => Math.Sqrt(model.Weights.SelectMany(w => w).Sum(v => (double)v * v));
}
