namespace PlaceDeMarche.Pipeline.Supervised.Evaluation;

/// <summary>
/// Late fusion of two models evaluated on the same outer folds: p = w·p_first + (1 − w)·p_second, with w chosen per
/// fold on the inner out-of-fold probabilities of that fold's training rows (the outer test rows play no part).
/// </summary>
public static class LateFusion
{
    public static CrossValidationResult Combine(string model, CrossValidationResult first, CrossValidationResult second, IReadOnlyList<int> labels, IReadOnlyList<double> weights)
    {
        if (first.Folds.Count != second.Folds.Count)
            throw new ArgumentException($"{first.Model} has {first.Folds.Count} folds and {second.Model} {second.Folds.Count}: late fusion needs the same folds.", nameof(second));
        var folds = first.Folds.Zip(second.Folds, (a, b) =>
        {
            var search = weights.Select(w => new SearchPoint(w, double.NaN, NestedCrossValidation.Accuracy(Mix(a.InnerProbabilities, b.InnerProbabilities, w), labels), FormattableString.Invariant($"weight={w:G6}"))).ToArray();
            var best = search.MaxBy(s => s.ValidationAccuracy)!;
            return new FoldOutcome(
                best.Value,
                double.NaN,
                Mix(a.TestProbabilities, b.TestProbabilities, best.Value),
                Mix(a.InnerProbabilities, b.InnerProbabilities, best.Value),
                search,
                a.FitSeconds + b.FitSeconds,
                a.PredictMillisecondsPerProduct + b.PredictMillisecondsPerProduct);
        }).ToArray();
        return new CrossValidationResult(model, folds);
    }

    /// <summary>w·first + (1 − w)·second for every row both hold.</summary>
    public static Dictionary<int, float[]> Mix(IReadOnlyDictionary<int, float[]> first, IReadOnlyDictionary<int, float[]> second, double weight) =>
        first.ToDictionary(p => p.Key, p => Mix(p.Value, second[p.Key], weight));

    public static float[] Mix(float[] first, float[] second, double weight)
    {
        var mixed = new float[first.Length];
        for (var c = 0; c < mixed.Length; c++)
            mixed[c] = (float)(weight * first[c] + (1 - weight) * second[c]);
        return mixed;
    }
}
