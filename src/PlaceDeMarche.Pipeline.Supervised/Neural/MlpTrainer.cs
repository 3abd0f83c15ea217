using System.Numerics.Tensors;
using PlaceDeMarche.Pipeline.Numerics.Random;
using PlaceDeMarche.Pipeline.Supervised.Evaluation;
using PlaceDeMarche.Pipeline.Supervised.Protocol;

namespace PlaceDeMarche.Pipeline.Supervised.Neural;

/// <summary>
/// Trains an <see cref="MlpModel"/>: He-initialised weights, mini-batch AdamW on softmax cross-entropy, inverted dropout
/// on the hidden layer, early stopping on a stratified validation split carved from the training photos (patience,
/// best epoch restored). Single-threaded and seeded by our generator, so a fit is byte-identical from run to run; all
/// buffers are allocated before the first epoch.
/// </summary>
public static class MlpTrainer
{
    /// <param name="photoOf">
    /// For each row, the row of the photo it was made from (itself for a photo, its photo for an augmented copy), or null
    /// when every row is a photo. The validation split is drawn among photos; a held-out photo's copies are not trained on.
    /// </param>
    public static MlpModel Train(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, MlpOptions options, int seed, IReadOnlyList<int>? photoOf = null)
    {
        options.Validate();
        if (features.Count == 0 || features.Count != labels.Count || (photoOf is not null && photoOf.Count != labels.Count))
            throw new ArgumentException($"{features.Count} feature rows for {labels.Count} labels: both must be equal and non-zero.", nameof(features));
        var (train, validation) = Split(labels, photoOf, options.ValidationFraction, seed);
        var inputs = features[0].Length;
        var width = options.Hidden;
        var random = Xoshiro256StarStar.ForStream(seed, 0);

        var hiddenWeights = new AdamParameter(Initial(inputs * width, Math.Sqrt(2.0 / inputs), random), decays: true);
        var hiddenBiases = new AdamParameter(new float[width], decays: false);
        var outputWeights = new AdamParameter(Initial(width * classes, Math.Sqrt(2.0 / width), random), decays: true);
        var outputBiases = new AdamParameter(new float[classes], decays: false);
        AdamParameter[] parameters = [hiddenWeights, hiddenBiases, outputWeights, outputBiases];
        var best = parameters.Select(p => (float[])p.Values.Clone()).ToArray();
        var model = new MlpModel(inputs, width, classes, hiddenWeights.Values, hiddenBiases.Values, outputWeights.Values, outputBiases.Values);

        var batch = Math.Min(options.BatchSize, train.Length);
        var preActivation = new float[batch * width];
        var activation = new float[batch * width];
        var mask = new float[batch * width];
        var probabilities = new float[batch * classes];
        var hiddenGradient = new float[width];
        var scratch = new float[Math.Max(inputs * width, width * classes)];
        var keep = (float)(1 / (1 - options.Dropout));

        // The training loss is measured, without dropout, on a fixed sample of the training rows as large as the
        // validation part (at least 64): the curves compare like with like, and a full pass would cost a third of an epoch.
        var monitored = (int[])train.Clone();
        Xoshiro256StarStar.ForStream(seed, 1).Shuffle(monitored.AsSpan());
        monitored = monitored[..Math.Min(train.Length, Math.Max(64, validation.Length))];
        var epochs = new List<EpochRecord>();
        var bestLoss = double.PositiveInfinity;
        var keptEpoch = 0;
        var step = 0;
        for (var epoch = 1; epoch <= options.MaxEpochs; epoch++)
        {
            random.Shuffle(train.AsSpan());
            for (var start = 0; start < train.Length; start += batch)
            {
                var size = Math.Min(batch, train.Length - start);
                for (var b = 0; b < size; b++)
                {
                    var row = train[start + b];
                    var pre = preActivation.AsSpan(b * width, width);
                    var act = activation.AsSpan(b * width, width);
                    var dropped = mask.AsSpan(b * width, width);
                    var p = probabilities.AsSpan(b * classes, classes);
                    MlpModel.HiddenLayer(features[row], hiddenWeights.Values, hiddenBiases.Values, pre);
                    TensorPrimitives.Max(pre, 0f, act);
                    for (var k = 0; k < width; k++)
                        dropped[k] = options.Dropout > 0 && random.NextDouble() < options.Dropout ? 0f : keep;
                    TensorPrimitives.Multiply(act, dropped, act);
                    MlpModel.OutputLayer(act, outputWeights.Values, outputBiases.Values, p);
                    TensorPrimitives.SoftMax(p, p);
                }

                // Backward pass of the batch's mean loss: ∂/∂scores = (p − onehot) / size.
                for (var b = 0; b < size; b++)
                {
                    var row = train[start + b];
                    var delta = probabilities.AsSpan(b * classes, classes);
                    delta[labels[row]] -= 1f;
                    TensorPrimitives.Multiply(delta, 1f / size, delta);
                    TensorPrimitives.Add(outputBiases.Gradient, delta, outputBiases.Gradient);
                    var act = activation.AsSpan(b * width, width);
                    var dropped = mask.AsSpan(b * width, width);
                    for (var k = 0; k < width; k++)
                    {
                        // A unit cut by ReLU or dropout passes no gradient back.
                        if (act[k] == 0f)
                        {
                            hiddenGradient[k] = 0f;
                            continue;
                        }
                        var weights = outputWeights.Values.AsSpan(k * classes, classes);
                        var sum = 0f;
                        for (var c = 0; c < classes; c++)
                            sum += weights[c] * delta[c];
                        hiddenGradient[k] = sum * dropped[k];
                        var gradient = outputWeights.Gradient.AsSpan(k * classes, classes);
                        TensorPrimitives.MultiplyAdd(delta, act[k], gradient, gradient);
                    }
                    TensorPrimitives.Add(hiddenBiases.Gradient, hiddenGradient, hiddenBiases.Gradient);
                    var x = features[row];
                    for (var j = 0; j < x.Length; j++)
                    {
                        if (x[j] != 0f)
                        {
                            var gradient = hiddenWeights.Gradient.AsSpan(j * width, width);
                            TensorPrimitives.MultiplyAdd(hiddenGradient, x[j], gradient, gradient);
                        }
                    }
                }

                step++;
                foreach (var parameter in parameters)
                    parameter.Update(step, (float)options.LearningRate, (float)options.WeightDecay, scratch);
            }

            var (trainLoss, _) = Evaluate(model, features, labels, monitored, activation, probabilities);
            var (validationLoss, validationAccuracy) = validation.Length == 0 ? (double.NaN, double.NaN) : Evaluate(model, features, labels, validation, activation, probabilities);
            epochs.Add(new EpochRecord(epoch, trainLoss, validationLoss, validationAccuracy));
            // Without validation rows (tiny data) the last epoch is kept.
            var criterion = validation.Length == 0 ? -epoch : validationLoss;
            if (criterion < bestLoss - 1e-6)
            {
                bestLoss = criterion;
                keptEpoch = epoch;
                for (var i = 0; i < parameters.Length; i++)
                    parameters[i].CopyTo(best[i]);
            }
            else if (epoch - keptEpoch >= options.Patience)
            {
                break;
            }
        }

        for (var i = 0; i < parameters.Length; i++)
            parameters[i].Restore(best[i]);
        return new MlpModel(inputs, width, classes, hiddenWeights.Values, hiddenBiases.Values, outputWeights.Values, outputBiases.Values)
        {
            Epochs = epochs,
            KeptEpoch = keptEpoch,
        };
    }

    /// <summary>Training rows (photos not held out, and their copies) and validation rows (held-out photos only).</summary>
    private static (int[] Train, int[] Validation) Split(IReadOnlyList<int> labels, IReadOnlyList<int>? photoOf, double fraction, int seed)
    {
        var rows = Enumerable.Range(0, labels.Count);
        var photos = photoOf is null ? rows.ToArray() : rows.Where(r => photoOf[r] == r).ToArray();
        if (fraction == 0)
            return (rows.ToArray(), []);
        var held = StratifiedSplitter.HoldOut(photos, labels, fraction, seed).Test;
        var heldSet = held.ToHashSet();
        var train = rows.Where(r => !heldSet.Contains(photoOf is null ? r : photoOf[r])).ToArray();
        return train.Length == 0 ? (rows.ToArray(), []) : (train, held);
    }

    private static float[] Initial(int length, double scale, Xoshiro256StarStar random)
    {
        var values = new float[length];
        for (var i = 0; i < values.Length; i++)
            values[i] = (float)(random.NextGaussian() * scale);
        return values;
    }

    /// <summary>Mean cross-entropy and accuracy of <paramref name="rows"/>, without dropout; the buffers are reused.</summary>
    private static (double Loss, double Accuracy) Evaluate(MlpModel model, IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int[] rows, float[] hiddenBuffer, float[] scoreBuffer)
    {
        var hidden = hiddenBuffer.AsSpan(0, model.Hidden);
        var scores = scoreBuffer.AsSpan(0, model.Classes);
        double loss = 0;
        var correct = 0;
        foreach (var row in rows)
        {
            model.Forward(features[row], hidden, scores);
            TensorPrimitives.SoftMax(scores, scores);
            loss -= Math.Log(Math.Max(scores[labels[row]], 1e-12));
            if (TensorPrimitives.IndexOfMax(scores) == labels[row])
                correct++;
        }
        return (loss / rows.Length, (double)correct / rows.Length);
    }
}
