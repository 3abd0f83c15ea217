namespace PlaceDeMarche.Pipeline.Supervised.Evaluation;

/// <summary>A model family with the one hyper-parameter the inner validation searches (<see cref="Grid"/>).</summary>
public interface IClassifierTrainer
{
    /// <summary>What <see cref="Grid"/> holds, e.g. <c>l2</c> or <c>learning_rate</c>.</summary>
    string HyperParameter { get; }

    IReadOnlyList<double> Grid { get; }

    IProbabilisticClassifier Train(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, double value, int seed);
}
