namespace PlaceDeMarche.Pipeline.Supervised.Evaluation;

/// <summary>A model's outer folds; accuracies are per fold, their mean and (population, as numpy's) standard deviation.</summary>
public sealed record CrossValidationResult(string Model, IReadOnlyList<FoldOutcome> Folds)
{
    public double[] FoldAccuracies(IReadOnlyList<int> labels) => Folds
        .Select(f => f.TestProbabilities.Average(p => ClassificationMetrics.ArgMax(p.Value) == labels[p.Key] ? 1.0 : 0.0))
        .ToArray();

    public double MeanAccuracy(IReadOnlyList<int> labels) => FoldAccuracies(labels).Average();

    public double AccuracyStd(IReadOnlyList<int> labels)
    {
        var accuracies = FoldAccuracies(labels);
        var mean = accuracies.Average();
        return Math.Sqrt(accuracies.Average(a => (a - mean) * (a - mean)));
    }

    /// <summary>Every row's probabilities from the fold where it was tested, by row.</summary>
    public IReadOnlyDictionary<int, float[]> OutOfFold() =>
        Folds.SelectMany(f => f.TestProbabilities).OrderBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value);

    public ClassificationMetrics Metrics(IReadOnlyList<int> labels, int classes)
    {
        var outOfFold = OutOfFold();
        return ClassificationMetrics.Compute(outOfFold.Keys.Select(r => labels[r]).ToArray(), outOfFold.Values.ToArray(), classes);
    }
}
