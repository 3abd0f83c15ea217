namespace PlaceDeMarche.Pipeline.Supervised.Evaluation;

/// <summary>A fitted model trained epoch by epoch: its learning curve and the epoch whose weights it kept.</summary>
public interface ITrainingHistory
{
    IReadOnlyList<EpochRecord> Epochs { get; }

    /// <summary>The epoch (1-based) whose weights the model holds: the lowest validation loss under early stopping.</summary>
    int KeptEpoch { get; }
}
