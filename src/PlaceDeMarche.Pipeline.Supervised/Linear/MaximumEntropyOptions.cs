namespace PlaceDeMarche.Pipeline.Supervised.Linear;

/// <summary>Settings of ML.NET's LbfgsMaximumEntropy trainer that the study sets or searches.</summary>
public sealed record MaximumEntropyOptions
{
    /// <summary>L2 penalty on the weights: the overfitting control searched by inner validation.</summary>
    public double L2Regularization { get; init; } = 1;

    public double L1Regularization { get; init; }

    public int MaximumIterations { get; init; } = 200;

    public double OptimizationTolerance { get; init; } = 1e-6;
}
