namespace PlaceDeMarche.Pipeline.Supervised.Evaluation;

/// <summary>
/// One outer fold of a model: the hyper-parameter the inner validation chose (<see cref="Chosen"/>), the probabilities
/// it gave the fold's test rows, and the inner out-of-fold probabilities of the training rows at that setting (what a
/// late fusion learns its weights from, without touching the test rows).
/// </summary>
public sealed record FoldOutcome(
    double Chosen,
    double TrainAccuracy,
    IReadOnlyDictionary<int, float[]> TestProbabilities,
    IReadOnlyDictionary<int, float[]> InnerProbabilities,
    IReadOnlyList<SearchPoint> Search,
    double FitSeconds,
    double PredictMillisecondsPerProduct);
