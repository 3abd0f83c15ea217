using PlaceDeMarche.Pipeline.Numerics.Random;
using PlaceDeMarche.Pipeline.Supervised.Evaluation;
using PlaceDeMarche.Pipeline.Supervised.Neural;
using PlaceDeMarche.Pipeline.Supervised.Prediction;

namespace PlaceDeMarche.Pipeline.Supervised.Tests;

public sealed class MlpTrainerTests
{
    private static readonly MlpOptions Small = new() { Hidden = 16, Dropout = 0.2, LearningRate = 0.01, MaxEpochs = 60, Patience = 10 };

    [Fact]
    public void LearnsSeparableClassesAndGivesProbabilities()
    {
        var (vectors, labels) = Toy.Blobs(120, classes: 3, seed: 1);

        var model = MlpTrainer.Train(vectors, labels, 3, Small, seed: 1);

        var probabilities = model.Probabilities(vectors);
        Assert.True(NestedCrossValidation.Accuracy(probabilities, labels) > 0.95);
        Assert.All(probabilities, p => Assert.Equal(1.0, p.Sum(), 4));
        Assert.InRange(model.KeptEpoch, 1, model.Epochs.Count);
    }

    [Fact]
    public void EarlyStoppingKeepsTheEpochOfLowestValidationLossAndRestoresItsWeights()
    {
        // A third of the labels are noise and nothing holds the network back: it memorises them and the validation
        // loss climbs after a few epochs.
        var (vectors, labels) = Toy.Blobs(150, classes: 3, seed: 3);
        var random = new Xoshiro256StarStar(9);
        var noisy = labels.Select(l => random.NextDouble() < 0.33 ? random.NextInt(3) : l).ToArray();
        var options = new MlpOptions { Hidden = 64, Dropout = 0, WeightDecay = 0, LearningRate = 0.03, BatchSize = 8, MaxEpochs = 200, Patience = 5 };

        var model = MlpTrainer.Train(vectors, noisy, 3, options, seed: 4);

        var best = model.Epochs.MinBy(e => e.ValidationLoss)!;
        Assert.Equal(best.Epoch, model.KeptEpoch);
        Assert.True(model.Epochs[^1].ValidationLoss > best.ValidationLoss, "the validation loss never rose: the case does not test early stopping");
        Assert.Equal(model.KeptEpoch + options.Patience, model.Epochs.Count);
        // Training stopped `patience` epochs later; the weights are those of the kept epoch, as a run that stops there has them.
        var stoppedThere = MlpTrainer.Train(vectors, noisy, 3, options with { MaxEpochs = model.KeptEpoch }, seed: 4);
        Assert.Equal(stoppedThere.HiddenWeights, model.HiddenWeights);
        Assert.Equal(stoppedThere.OutputWeights, model.OutputWeights);
        Assert.Equal(stoppedThere.OutputBiases, model.OutputBiases);
    }

    [Fact]
    public void DropoutIsOffAtInference()
    {
        var (vectors, labels) = Toy.Blobs(60, classes: 3, seed: 5);
        var model = MlpTrainer.Train(vectors, labels, 3, Small with { Dropout = 0.5 }, seed: 2);

        var probabilities = model.Probabilities(vectors);

        Assert.Equal(probabilities, model.Probabilities(vectors));
        for (var i = 0; i < vectors.Length; i++)
        {
            var expected = Reference(model, vectors[i]);
            for (var c = 0; c < 3; c++)
                Assert.Equal(expected[c], probabilities[i][c], 5);
        }
    }

    [Fact]
    public void TheSameDataAndSeedGiveByteIdenticalModels()
    {
        var (vectors, labels) = Toy.Blobs(90, classes: 3, seed: 6);

        var first = MlpTrainer.Train(vectors, labels, 3, Small, seed: 7);
        var second = MlpTrainer.Train(vectors, labels, 3, Small, seed: 7);
        var other = MlpTrainer.Train(vectors, labels, 3, Small, seed: 8);

        Assert.Equal(first.HiddenWeights, second.HiddenWeights);
        Assert.Equal(first.HiddenBiases, second.HiddenBiases);
        Assert.Equal(first.OutputWeights, second.OutputWeights);
        Assert.Equal(first.OutputBiases, second.OutputBiases);
        Assert.Equal(first.Epochs, second.Epochs);
        Assert.NotEqual(first.HiddenWeights, other.HiddenWeights);
    }

    [Fact]
    public void TheSavedComponentPredictsAsTheFittedModel()
    {
        var (vectors, labels) = Toy.Blobs(60, classes: 3, seed: 8);
        var model = MlpTrainer.Train(vectors, labels, 3, Small, seed: 3);

        var component = ModelComponent.Of(model, []);

        foreach (var vector in vectors)
            Assert.Equal(model.Probabilities(vector), component.Probabilities(vector));
    }

    [Fact]
    public void AHeldOutPhotosCopiesAreNotTrainedOn()
    {
        // Labels are pure noise and each copy is its photo's twin: only a copy trained on can make a held-out photo
        // predictable, so validation accuracy stays near chance (1/3) unless copies of validation photos leak in.
        var random = new Xoshiro256StarStar(11);
        var photos = Enumerable.Range(0, 90).Select(_ => Enumerable.Range(0, 20).Select(_ => (float)random.NextGaussian()).ToArray()).ToArray();
        var labels = Enumerable.Range(0, 90).Select(i => i % 3).ToArray();
        float[][] rows = [.. photos, .. photos];
        int[] rowLabels = [.. labels, .. labels];
        int[] photoOf = [.. Enumerable.Range(0, 90), .. Enumerable.Range(0, 90)];
        var memorise = new MlpOptions { Hidden = 64, Dropout = 0, WeightDecay = 0, LearningRate = 0.01, MaxEpochs = 80, Patience = 80, ValidationFraction = 0.3 };

        var grouped = MlpTrainer.Train(rows, rowLabels, 3, memorise, seed: 5, photoOf);
        var ungrouped = MlpTrainer.Train(rows, rowLabels, 3, memorise, seed: 5);

        Assert.True(grouped.Epochs.Max(e => e.ValidationAccuracy) < 0.65, $"validation reached {grouped.Epochs.Max(e => e.ValidationAccuracy)}");
        // The same split drawn without the photo of each row lets twins through, and validation then looks excellent.
        Assert.True(ungrouped.Epochs.Max(e => e.ValidationAccuracy) > 0.8, $"validation reached only {ungrouped.Epochs.Max(e => e.ValidationAccuracy)}");
    }

    /// <summary>softmax(W₂ᵀ·relu(W₁ᵀ·x + b₁) + b₂) written out, without any dropout.</summary>
    private static double[] Reference(MlpModel model, float[] x)
    {
        var hidden = new double[model.Hidden];
        for (var k = 0; k < model.Hidden; k++)
        {
            double sum = model.HiddenBiases[k];
            for (var j = 0; j < model.Inputs; j++)
                sum += x[j] * model.HiddenWeights[j * model.Hidden + k];
            hidden[k] = Math.Max(0, sum);
        }
        var scores = new double[model.Classes];
        for (var c = 0; c < model.Classes; c++)
        {
            scores[c] = model.OutputBiases[c];
            for (var k = 0; k < model.Hidden; k++)
                scores[c] += hidden[k] * model.OutputWeights[k * model.Classes + c];
        }
        var max = scores.Max();
        var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
        return [.. exp.Select(e => e / exp.Sum())];
    }
}
