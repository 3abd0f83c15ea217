namespace PlaceDeMarche.Pipeline.Supervised.Evaluation;

/// <summary>
/// One training epoch of an iteratively trained model: mean cross-entropy on its training rows and on its early-stopping
/// validation rows (both measured after the epoch, without dropout), and the validation accuracy.
/// </summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double ValidationLoss, double ValidationAccuracy);
