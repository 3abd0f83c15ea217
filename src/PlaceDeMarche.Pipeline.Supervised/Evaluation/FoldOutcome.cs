namespace PlaceDeMarche.Pipeline.Supervised.Evaluation;

/// <summary>
/// One outer fold of a model: the hyper-parameter the inner validation chose (<see cref="Chosen"/>), the probabilities
/// it gave the fold's test rows (and, for a model trained by epochs, the refit's learning curve), and the inner out-of-fold probabilities of the training rows at that setting (what a
/// late fusion learns its weights from, without touching the test rows).
/// </summary>
public sealed record FoldOutcome(
    double Chosen,
    double TrainAccuracy,
    IReadOnlyDictionary<int, float[]> TestProbabilities,
    IReadOnlyDictionary<int, float[]> InnerProbabilities,
    IReadOnlyList<SearchPoint> Search,
    double FitSeconds,
    double PredictMillisecondsPerProduct)
{
    /// <summary>The refitted model's learning curve when it trains epoch by epoch (empty otherwise).</summary>
    public IReadOnlyList<EpochRecord> Epochs { get; init; } = [];

    /// <summary>The epoch whose weights the refitted model kept (0 when it has no epochs).</summary>
    public int KeptEpoch { get; init; }

    /// <summary>The chosen grid value as the search described it.</summary>
    public string ChosenSetting => Search.FirstOrDefault(s => s.Value == Chosen)?.Setting ?? "";
}
