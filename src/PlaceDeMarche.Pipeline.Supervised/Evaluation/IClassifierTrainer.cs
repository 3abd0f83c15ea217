namespace PlaceDeMarche.Pipeline.Supervised.Evaluation;

/// <summary>A model family and the grid of settings the inner validation searches (<see cref="Grid"/>).</summary>
public interface IClassifierTrainer
{
    /// <summary>What <see cref="Grid"/> holds, e.g. <c>l2</c>, <c>learning_rate</c> or <c>candidate</c> (an index into a family's own list).</summary>
    string HyperParameter { get; }

    IReadOnlyList<double> Grid { get; }

    /// <param name="photoOf">For each row, the row of the photo it derives from (itself, or its photo for an augmented copy); null when all are photos.</param>
    IProbabilisticClassifier Train(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, double value, int seed, IReadOnlyList<int>? photoOf = null);

    /// <summary>Augmented copies per training photo the grid value trains with (the first ones); all of them unless the family searches it.</summary>
    int Copies(double value) => int.MaxValue;

    /// <summary>The grid value as the curves table shows it.</summary>
    string Describe(double value) => FormattableString.Invariant($"{HyperParameter}={value:G6}");
}
