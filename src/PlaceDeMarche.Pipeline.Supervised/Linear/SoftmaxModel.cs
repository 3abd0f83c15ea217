using System.Numerics.Tensors;
using PlaceDeMarche.Pipeline.Supervised.Evaluation;

namespace PlaceDeMarche.Pipeline.Supervised.Linear;

/// <summary>
/// A multinomial logistic regression as learned by ML.NET's LbfgsMaximumEntropy: one weight row and bias per class,
/// probabilities = softmax(W·x + b). Kept as plain arrays so the model saves to JSON and predicts without ML.NET.
/// </summary>
public sealed record SoftmaxModel(float[][] Weights, float[] Biases) : IProbabilisticClassifier
{
    public int Classes => Biases.Length;

    public int Dimension => Weights.Length == 0 ? 0 : Weights[0].Length;

    public float[] Probabilities(ReadOnlySpan<float> features)
    {
        if (features.Length != Dimension)
            throw new ArgumentException($"The model expects {Dimension} features, not {features.Length}.", nameof(features));
        var scores = new float[Classes];
        for (var c = 0; c < scores.Length; c++)
            scores[c] = TensorPrimitives.Dot(Weights[c], features) + Biases[c];
        TensorPrimitives.SoftMax(scores, scores);
        return scores;
    }

    public float[][] Probabilities(IReadOnlyList<float[]> rows) => rows.Select(r => Probabilities(r)).ToArray();
}
