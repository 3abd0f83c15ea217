using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using PlaceDeMarche.Pipeline.Supervised.Evaluation;
using PlaceDeMarche.Pipeline.Supervised.Linear;

namespace PlaceDeMarche.Pipeline.Supervised.Boosted;

/// <summary>Gradient-boosted trees (ML.NET's LightGbm; one thread and a fixed seed make it deterministic) searched over the learning rate.</summary>
public sealed class LightGbmFamily(IReadOnlyList<double> learningRates, LightGbmOptions options) : IClassifierTrainer
{
    public string HyperParameter => "learning_rate";

    public IReadOnlyList<double> Grid => learningRates;

    public IProbabilisticClassifier Train(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, double value, int seed, IReadOnlyList<int>? photoOf = null)
    {
        var context = new MLContext(seed);
        var data = TrainingData.Load(context, features, labels, classes);
        var trainer = context.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            LabelColumnName = TrainingData.LabelColumn,
            FeatureColumnName = TrainingData.FeaturesColumn,
            NumberOfIterations = options.Iterations,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
            LearningRate = value,
            NumberOfThreads = options.Threads,
            Seed = seed,
            Silent = true,
            UseSoftmax = true,
        });
        return new LightGbmClassifier(context, trainer.Fit(data), features[0].Length, classes);
    }
}
