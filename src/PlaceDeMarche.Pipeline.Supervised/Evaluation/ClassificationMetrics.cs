namespace PlaceDeMarche.Pipeline.Supervised.Evaluation;

/// <summary>
/// Scores of predicted class probabilities against the true classes: accuracy, macro-F1, per-class precision and
/// recall, the confusion matrix (rows = true class, columns = predicted), and calibration as the multi-class Brier score.
/// </summary>
public sealed record ClassificationMetrics(double Accuracy, double MacroF1, double[] Precision, double[] Recall, int[][] Confusion, double Brier, double LogLoss)
{
    public static ClassificationMetrics Compute(IReadOnlyList<int> labels, IReadOnlyList<float[]> probabilities, int classes)
    {
        if (labels.Count == 0 || labels.Count != probabilities.Count)
            throw new ArgumentException($"{labels.Count} labels for {probabilities.Count} predictions: both must be equal and non-zero.", nameof(labels));
        var confusion = Enumerable.Range(0, classes).Select(_ => new int[classes]).ToArray();
        double brier = 0, logLoss = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var p = probabilities[i];
            confusion[labels[i]][ArgMax(p)]++;
            for (var c = 0; c < classes; c++)
            {
                var target = c == labels[i] ? 1.0 : 0.0;
                brier += (p[c] - target) * (p[c] - target);
            }
            logLoss -= Math.Log(Math.Max(p[labels[i]], 1e-15));
        }
        var precision = new double[classes];
        var recall = new double[classes];
        var f1 = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            var truePositives = confusion[c][c];
            var predicted = confusion.Sum(row => row[c]);
            var actual = confusion[c].Sum();
            precision[c] = predicted == 0 ? 0 : (double)truePositives / predicted;
            recall[c] = actual == 0 ? 0 : (double)truePositives / actual;
            f1[c] = precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
        }
        var correct = Enumerable.Range(0, classes).Sum(c => confusion[c][c]);
        return new ClassificationMetrics((double)correct / labels.Count, f1.Average(), precision, recall, confusion, brier / labels.Count, logLoss / labels.Count);
    }

    /// <summary>The most probable class (the first on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> probabilities) => System.Numerics.Tensors.TensorPrimitives.IndexOfMax(probabilities);
}
