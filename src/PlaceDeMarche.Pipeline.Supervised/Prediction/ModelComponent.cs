using PlaceDeMarche.Pipeline.Supervised.Evaluation;
using PlaceDeMarche.Pipeline.Supervised.Features;
using PlaceDeMarche.Pipeline.Supervised.Linear;
using PlaceDeMarche.Pipeline.Supervised.Neural;

namespace PlaceDeMarche.Pipeline.Supervised.Prediction;

/// <summary>
/// One classifier of a saved model, its fitted input blocks, and its weight in the final mix: a logistic regression
/// (<see cref="Weights"/> and <see cref="Biases"/> read the features), or an MLP (<see cref="HiddenWeights"/> and
/// <see cref="HiddenBiases"/> make the ReLU layer, which <see cref="Weights"/> and <see cref="Biases"/> then read).
/// </summary>
public sealed record ModelComponent
{
    public required double Weight { get; init; }

    public required FeatureBlockModel[] Blocks { get; init; }

    /// <summary>Output layer: one row per class.</summary>
    public required float[][] Weights { get; init; }

    public required float[] Biases { get; init; }

    /// <summary>The MLP's hidden layer, one row per input feature (null for a logistic regression).</summary>
    public float[][]? HiddenWeights { get; init; }

    public float[]? HiddenBiases { get; init; }

    /// <summary>The saved form of a fitted classifier and its blocks.</summary>
    public static ModelComponent Of(IProbabilisticClassifier classifier, FeatureBlockModel[] blocks) => classifier switch
    {
        SoftmaxModel softmax => new() { Weight = 1, Blocks = blocks, Weights = softmax.Weights, Biases = softmax.Biases },
        MlpModel mlp => new()
        {
            Weight = 1,
            Blocks = blocks,
            Weights = [.. Enumerable.Range(0, mlp.Classes).Select(c => Enumerable.Range(0, mlp.Hidden).Select(k => mlp.OutputWeights[k * mlp.Classes + c]).ToArray())],
            Biases = mlp.OutputBiases,
            HiddenWeights = [.. Enumerable.Range(0, mlp.Inputs).Select(j => mlp.HiddenWeights.AsSpan(j * mlp.Hidden, mlp.Hidden).ToArray())],
            HiddenBiases = mlp.HiddenBiases,
        },
        _ => throw new NotSupportedException($"{classifier.GetType().Name} cannot be saved; choose a logistic regression or an MLP model."),
    };

    /// <summary>The class probabilities of one product's features.</summary>
    public float[] Probabilities(float[] features)
    {
        if (HiddenWeights is null || HiddenBiases is null)
            return new SoftmaxModel(Weights, Biases).Probabilities(features);
        var hidden = HiddenBiases.Length;
        var classes = Biases.Length;
        var output = new float[hidden * classes];
        for (var k = 0; k < hidden; k++)
        {
            for (var c = 0; c < classes; c++)
                output[k * classes + c] = Weights[c][k];
        }
        return new MlpModel(HiddenWeights.Length, hidden, classes, [.. HiddenWeights.SelectMany(row => row)], HiddenBiases, output, Biases).Probabilities(features);
    }
}
