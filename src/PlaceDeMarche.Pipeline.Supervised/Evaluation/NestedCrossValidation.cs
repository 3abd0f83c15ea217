using System.Diagnostics;
using PlaceDeMarche.Pipeline.Supervised.Features;
using PlaceDeMarche.Pipeline.Supervised.Protocol;

namespace PlaceDeMarche.Pipeline.Supervised.Evaluation;

/// <summary>
/// Nested cross-validation of a classifier on a feature stack: in each outer fold, an inner stratified K-fold over
/// the training rows alone picks the hyper-parameter (the L2 penalty, the learning rate); the stack and the model are
/// then refitted on the whole training part and score the test part, which neither the transforms nor the search saw.
/// </summary>
public sealed class NestedCrossValidation(ProtocolOptions options)
{
    /// <param name="augment">
    /// Extra training rows of a row (its augmented copies, labelled as it), or null. Copies join the rows a model and
    /// its transforms are fitted on, never the rows it is validated or tested on.
    /// </param>
    public CrossValidationResult Run(
        string model, FeatureStack stack, IReadOnlyList<int> labels, int classes, IReadOnlyList<FoldSplit> outer, IClassifierTrainer trainer,
        Func<int, IReadOnlyList<int>>? augment = null) =>
        Run(model, stack, labels, classes, outer, _ => trainer, augment);

    /// <param name="trainerOf">The family searched in each outer fold (a search may depend on what an earlier one chose in that fold).</param>
    public CrossValidationResult Run(
        string model, FeatureStack stack, IReadOnlyList<int> labels, int classes, IReadOnlyList<FoldSplit> outer, Func<int, IClassifierTrainer> trainerOf,
        Func<int, IReadOnlyList<int>>? augment = null)
    {
        var outcomes = new FoldOutcome[outer.Count];
        Parallel.For(0, outer.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism },
            fold => outcomes[fold] = RunFold(stack, labels, classes, outer[fold], trainerOf(fold), options.Seed + fold, augment));
        return new CrossValidationResult(model, outcomes);
    }

    /// <summary>One outer split: inner search on <see cref="FoldSplit.Train"/>, refit, score <see cref="FoldSplit.Test"/>.</summary>
    public FoldOutcome RunFold(
        FeatureStack stack, IReadOnlyList<int> labels, int classes, FoldSplit split, IClassifierTrainer trainer, int seed, Func<int, IReadOnlyList<int>>? augment = null)
    {
        var grid = trainer.Grid;
        var inner = StratifiedSplitter.KFold(split.Train, labels, options.InnerFolds, seed);
        var innerProbabilities = grid.Select(_ => new Dictionary<int, float[]>()).ToArray();
        var trainAccuracy = new double[grid.Count];
        // Grid values that train on the same rows (same number of copies) share one fit of the transforms.
        var byCopies = Enumerable.Range(0, grid.Count).GroupBy(g => augment is null ? 0 : trainer.Copies(grid[g])).ToArray();
        foreach (var innerSplit in inner)
        {
            foreach (var group in byCopies)
            {
                var (innerTrain, photoOf) = Training(innerSplit.Train, augment, group.Key);
                var fitted = stack.Fit(innerTrain);
                var trainRows = fitted.Transform(innerTrain);
                var validationRows = fitted.Transform(innerSplit.Test);
                var trainLabels = innerTrain.Select(r => labels[r]).ToArray();
                foreach (var g in group)
                {
                    var candidate = trainer.Train(trainRows, trainLabels, classes, grid[g], seed, photoOf);
                    trainAccuracy[g] += Accuracy(candidate.Probabilities(trainRows), trainLabels) / inner.Count;
                    var probabilities = candidate.Probabilities(validationRows);
                    for (var i = 0; i < innerSplit.Test.Length; i++)
                        innerProbabilities[g][innerSplit.Test[i]] = probabilities[i];
                }
            }
        }

        var search = grid.Select((value, g) => new SearchPoint(value, trainAccuracy[g], Accuracy(innerProbabilities[g], labels), trainer.Describe(value))).ToArray();
        var best = BestIndex(search, innerProbabilities, labels);

        var clock = Stopwatch.StartNew();
        var (outerRows, outerPhotoOf) = Training(split.Train, augment, augment is null ? 0 : trainer.Copies(grid[best]));
        var final = stack.Fit(outerRows);
        var outerTrain = final.Transform(outerRows);
        var outerLabels = outerRows.Select(r => labels[r]).ToArray();
        var chosen = trainer.Train(outerTrain, outerLabels, classes, grid[best], seed, outerPhotoOf);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var testProbabilities = chosen.Probabilities(final.Transform(split.Test));
        var predictMilliseconds = clock.Elapsed.TotalMilliseconds / Math.Max(1, split.Test.Length);
        var history = chosen as ITrainingHistory;
        return new FoldOutcome(
            grid[best],
            Accuracy(chosen.Probabilities(outerTrain), outerLabels),
            split.Test.Select((row, i) => (row, i)).ToDictionary(p => p.row, p => testProbabilities[p.i]),
            innerProbabilities[best],
            search,
            fitSeconds,
            predictMilliseconds)
        {
            Epochs = history?.Epochs ?? [],
            KeptEpoch = history?.KeptEpoch ?? 0,
        };
    }

    /// <summary>
    /// The rows a model is fitted on: the photos, then the first <paramref name="copies"/> augmented copies of each,
    /// with each row's photo as a position in that list (null without copies).
    /// </summary>
    private static (int[] Rows, int[]? PhotoOf) Training(int[] rows, Func<int, IReadOnlyList<int>>? augment, int copies)
    {
        if (augment is null || copies == 0)
            return (rows, null);
        var training = new List<int>(rows);
        var photoOf = new List<int>(Enumerable.Range(0, rows.Length));
        for (var i = 0; i < rows.Length; i++)
        {
            foreach (var copy in augment(rows[i]).Take(copies))
            {
                training.Add(copy);
                photoOf.Add(i);
            }
        }
        return ([.. training], [.. photoOf]);
    }

    /// <summary>Highest validation accuracy; among equals the lowest log loss, then the strongest penalty (simplest model).</summary>
    private static int BestIndex(SearchPoint[] search, Dictionary<int, float[]>[] probabilities, IReadOnlyList<int> labels)
    {
        var best = 0;
        for (var g = 1; g < search.Length; g++)
        {
            var better = search[g].ValidationAccuracy - search[best].ValidationAccuracy;
            if (better > 1e-12 || (Math.Abs(better) <= 1e-12 && LogLoss(probabilities[g], labels) < LogLoss(probabilities[best], labels)))
                best = g;
        }
        return best;
    }

    public static double Accuracy(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels) =>
        probabilities.Select((p, i) => ClassificationMetrics.ArgMax(p) == labels[i] ? 1.0 : 0.0).Average();

    public static double Accuracy(IReadOnlyDictionary<int, float[]> probabilities, IReadOnlyList<int> labels) =>
        probabilities.Average(p => ClassificationMetrics.ArgMax(p.Value) == labels[p.Key] ? 1.0 : 0.0);

    private static double LogLoss(IReadOnlyDictionary<int, float[]> probabilities, IReadOnlyList<int> labels) =>
        probabilities.Average(p => -Math.Log(Math.Max(p.Value[labels[p.Key]], 1e-15)));
}
