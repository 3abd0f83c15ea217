using PlaceDeMarche.Pipeline.Supervised.Evaluation;

namespace PlaceDeMarche.Pipeline.Supervised.Linear;

/// <summary>Multinomial logistic regression (LbfgsMaximumEntropy) searched over its L2 penalty.</summary>
public sealed class MaximumEntropyFamily(IReadOnlyList<double> penalties, MaximumEntropyOptions baseOptions) : IClassifierTrainer
{
    public string HyperParameter => "l2";

    public IReadOnlyList<double> Grid => penalties;

    public IProbabilisticClassifier Train(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, double value, int seed, IReadOnlyList<int>? photoOf = null) =>
        TrainSoftmax(features, labels, classes, value, seed);

    public SoftmaxModel TrainSoftmax(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, double value, int seed) =>
        MaximumEntropyTrainer.Train(features, labels, classes, baseOptions with { L2Regularization = value }, seed);
}
