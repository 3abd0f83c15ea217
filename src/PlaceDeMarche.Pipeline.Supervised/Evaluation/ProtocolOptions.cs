namespace PlaceDeMarche.Pipeline.Supervised.Evaluation;

/// <summary>The nested cross-validation's settings (the <c>supervised</c> section of pipeline.yaml).</summary>
public sealed record ProtocolOptions
{
    public int InnerFolds { get; init; } = 3;

    public int Seed { get; init; }

    /// <summary>Outer folds evaluated side by side (each fit is single-threaded and deterministic).</summary>
    public int Parallelism { get; init; } = 2;
}
