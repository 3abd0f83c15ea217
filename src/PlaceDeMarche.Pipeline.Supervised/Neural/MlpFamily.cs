using PlaceDeMarche.Pipeline.Supervised.Evaluation;

namespace PlaceDeMarche.Pipeline.Supervised.Neural;

/// <summary>
/// The MLP searched over a list of candidates (width, dropout, weight decay, augmented copies): the grid holds their
/// indices, so the nested cross-validation chooses among them as it chooses an L2 penalty.
/// </summary>
public sealed class MlpFamily(IReadOnlyList<MlpCandidate> candidates, MlpOptions baseOptions) : IClassifierTrainer
{
    private readonly double[] grid = [.. Enumerable.Range(0, candidates.Count).Select(i => (double)i)];

    public string HyperParameter => "candidate";

    public IReadOnlyList<double> Grid => grid;

    public IReadOnlyList<MlpCandidate> Candidates => candidates;

    public MlpCandidate Candidate(double value) => candidates[(int)value];

    public IProbabilisticClassifier Train(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, double value, int seed, IReadOnlyList<int>? photoOf = null) =>
        TrainMlp(features, labels, classes, value, seed, photoOf);

    public MlpModel TrainMlp(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, double value, int seed, IReadOnlyList<int>? photoOf = null)
    {
        var candidate = Candidate(value);
        return MlpTrainer.Train(features, labels, classes, candidate.Apply(baseOptions), seed, photoOf);
    }

    public int Copies(double value) => Candidate(value).Copies;

    public string Describe(double value) => Candidate(value).Describe();
}
