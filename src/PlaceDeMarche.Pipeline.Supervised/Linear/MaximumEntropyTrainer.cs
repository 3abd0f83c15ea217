using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace PlaceDeMarche.Pipeline.Supervised.Linear;

/// <summary>
/// Trains a multinomial logistic regression with ML.NET's <c>LbfgsMaximumEntropy</c> and returns its weights. One
/// optimiser thread and a fixed seed, so a fit is deterministic; the study runs folds side by side instead.
/// </summary>
public static class MaximumEntropyTrainer
{
    public static SoftmaxModel Train(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, MaximumEntropyOptions options, int seed)
    {
        var context = new MLContext(seed);
        var data = TrainingData.Load(context, features, labels, classes);
        var trainer = context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = TrainingData.LabelColumn,
            FeatureColumnName = TrainingData.FeaturesColumn,
            L2Regularization = (float)options.L2Regularization,
            L1Regularization = (float)options.L1Regularization,
            MaximumNumberOfIterations = options.MaximumIterations,
            OptimizationTolerance = (float)options.OptimizationTolerance,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data).Model;
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out var learnedClasses);
        var dense = new float[classes][];
        var biases = new float[classes];
        var learnedBiases = model.GetBiases().ToArray();
        for (var c = 0; c < classes; c++)
        {
            // Weight vectors may come back sparse: DenseValues fills the zeros a plain copy would leave out.
            dense[c] = c < learnedClasses ? [.. weights[c].DenseValues()] : new float[features[0].Length];
            biases[c] = c < learnedClasses ? learnedBiases[c] : 0f;
        }
        return new SoftmaxModel(dense, biases);
    }
}
