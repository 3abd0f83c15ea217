namespace PlaceDeMarche.Pipeline.Supervised.Neural;

/// <summary>Settings of one MLP fit (the <c>supervised.mlp</c> section fixes the optimiser, the search the rest).</summary>
public sealed record MlpOptions
{
    /// <summary>Units of the one hidden (ReLU) layer.</summary>
    public int Hidden { get; init; } = 128;

    /// <summary>Probability of zeroing a hidden unit during training (inverted dropout: nothing changes at inference).</summary>
    public double Dropout { get; init; } = 0.5;

    /// <summary>Adam's step size.</summary>
    public double LearningRate { get; init; } = 0.001;

    /// <summary>Decoupled weight decay (AdamW): each step shrinks the weights, not the biases, by learning rate × decay.</summary>
    public double WeightDecay { get; init; } = 1e-4;

    public int BatchSize { get; init; } = 32;

    public int MaxEpochs { get; init; } = 100;

    /// <summary>Epochs without a lower validation loss before training stops (the best epoch's weights are restored).</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Share of the training photos, per class, held out for early stopping (their augmented copies are left out too).</summary>
    public double ValidationFraction { get; init; } = 0.15;

    public void Validate()
    {
        if (Hidden < 1 || BatchSize < 1 || MaxEpochs < 1 || Patience < 1)
            throw new ArgumentException($"MLP: hidden ({Hidden}), batch size ({BatchSize}), max epochs ({MaxEpochs}) and patience ({Patience}) must be at least 1.");
        if (!(Dropout >= 0 && Dropout < 1) || !(ValidationFraction >= 0 && ValidationFraction < 1))
            throw new ArgumentException($"MLP: dropout ({Dropout}) and validation fraction ({ValidationFraction}) must be in [0, 1).");
        if (!(LearningRate > 0) || !(WeightDecay >= 0))
            throw new ArgumentException($"MLP: the learning rate ({LearningRate}) must be positive and the weight decay ({WeightDecay}) non-negative.");
    }
}
