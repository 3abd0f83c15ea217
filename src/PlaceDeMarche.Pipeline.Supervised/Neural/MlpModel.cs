using System.Numerics.Tensors;
using PlaceDeMarche.Pipeline.Supervised.Evaluation;

namespace PlaceDeMarche.Pipeline.Supervised.Neural;

/// <summary>
/// A fitted one-hidden-layer perceptron: softmax(W₂ᵀ·relu(W₁ᵀ·x + b₁) + b₂). Weights are row-major by input
/// (<see cref="HiddenWeights"/>: inputs × hidden, <see cref="OutputWeights"/>: hidden × classes), so a zero input costs
/// nothing (TF-IDF rows are mostly zeros). Dropout exists only in training: inference uses every unit.
/// </summary>
public sealed class MlpModel : IProbabilisticClassifier, ITrainingHistory
{
    public MlpModel(int inputs, int hidden, int classes, float[] hiddenWeights, float[] hiddenBiases, float[] outputWeights, float[] outputBiases)
    {
        if (hiddenWeights.Length != inputs * hidden || hiddenBiases.Length != hidden || outputWeights.Length != hidden * classes || outputBiases.Length != classes)
            throw new ArgumentException($"MLP weights do not match {inputs} inputs, {hidden} hidden units and {classes} classes.");
        Inputs = inputs;
        Hidden = hidden;
        Classes = classes;
        HiddenWeights = hiddenWeights;
        HiddenBiases = hiddenBiases;
        OutputWeights = outputWeights;
        OutputBiases = outputBiases;
    }

    public int Inputs { get; }

    public int Hidden { get; }

    public int Classes { get; }

    public float[] HiddenWeights { get; }

    public float[] HiddenBiases { get; }

    public float[] OutputWeights { get; }

    public float[] OutputBiases { get; }

    public IReadOnlyList<EpochRecord> Epochs { get; init; } = [];

    public int KeptEpoch { get; init; }

    public float[][] Probabilities(IReadOnlyList<float[]> rows)
    {
        var hidden = new float[Hidden];
        var result = new float[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            result[i] = new float[Classes];
            Forward(rows[i], hidden, result[i]);
            TensorPrimitives.SoftMax(result[i], result[i]);
        }
        return result;
    }

    public float[] Probabilities(ReadOnlySpan<float> features)
    {
        var scores = new float[Classes];
        Forward(features, new float[Hidden], scores);
        TensorPrimitives.SoftMax(scores, scores);
        return scores;
    }

    /// <summary>Hidden activations (after ReLU, no dropout) and class scores (before softmax) of one row.</summary>
    internal void Forward(ReadOnlySpan<float> features, Span<float> hidden, Span<float> scores)
    {
        if (features.Length != Inputs)
            throw new ArgumentException($"The model expects {Inputs} features, not {features.Length}.", nameof(features));
        HiddenLayer(features, HiddenWeights, HiddenBiases, hidden);
        TensorPrimitives.Max(hidden, 0f, hidden);
        OutputLayer(hidden, OutputWeights, OutputBiases, scores);
    }

    /// <summary>h = b + Σⱼ xⱼ·W[j, ·], summed in input order (zero inputs skipped).</summary>
    internal static void HiddenLayer(ReadOnlySpan<float> features, ReadOnlySpan<float> weights, ReadOnlySpan<float> biases, Span<float> hidden)
    {
        var width = biases.Length;
        biases.CopyTo(hidden);
        for (var j = 0; j < features.Length; j++)
        {
            if (features[j] != 0f)
                TensorPrimitives.MultiplyAdd(weights.Slice(j * width, width), features[j], hidden, hidden);
        }
    }

    /// <summary>s = b + Σₖ hₖ·W[k, ·] (inactive units skipped).</summary>
    internal static void OutputLayer(ReadOnlySpan<float> hidden, ReadOnlySpan<float> weights, ReadOnlySpan<float> biases, Span<float> scores)
    {
        var classes = biases.Length;
        biases.CopyTo(scores);
        for (var k = 0; k < hidden.Length; k++)
        {
            if (hidden[k] != 0f)
                TensorPrimitives.MultiplyAdd(weights.Slice(k * classes, classes), hidden[k], scores, scores);
        }
    }
}
