using PlaceDeMarche.Pipeline.Supervised.Neural;

namespace PlaceDeMarche.Pipeline.Supervised.Stages;

/// <summary>
/// The <c>supervised.mlp</c> section of pipeline.yaml: which models get an MLP head, the search grid (every combination
/// of the lists is a candidate) and the optimiser's fixed settings. An empty <see cref="Models"/> skips the MLP.
/// </summary>
public sealed class MlpParameters
{
    /// <summary>Models scored again with the MLP: <c>image</c>, <c>image_augmented</c>, <c>multimodal_early</c>.</summary>
    public List<string> Models { get; set; } = [];

    public List<int> Hidden { get; set; } = [];

    public List<double> Dropout { get; set; } = [];

    public List<double> WeightDecay { get; set; } = [];

    /// <summary>Augmented copies per training photo tried by <c>image_augmented</c> (the first k of the cached copies).</summary>
    public List<int> Copies { get; set; } = [];

    public double LearningRate { get; set; } = 0.001;

    public int BatchSize { get; set; } = 32;

    public int MaxEpochs { get; set; } = 100;

    public int Patience { get; set; } = 10;

    public double ValidationFraction { get; set; } = 0.15;

    public static readonly string[] Scorable = ["image", "image_augmented", "multimodal_early"];

    public MlpOptions ToOptions() => new()
    {
        LearningRate = LearningRate,
        BatchSize = BatchSize,
        MaxEpochs = MaxEpochs,
        Patience = Patience,
        ValidationFraction = ValidationFraction,
    };

    /// <summary>Every combination of the lists, copies fixed to <paramref name="copies"/>.</summary>
    public MlpCandidate[] Candidates(IReadOnlyList<int> copies) =>
        [.. from hidden in Hidden from dropout in Dropout from decay in WeightDecay from copy in copies select new MlpCandidate(hidden, dropout, decay, copy)];

    public void Validate()
    {
        if (Models.Except(Scorable).FirstOrDefault() is { } unknown)
            throw new ArgumentException($"supervised.mlp.models: unknown model '{unknown}'; use {string.Join(", ", Scorable)}.");
        if (Models.Count > 0 && (Hidden.Count == 0 || Dropout.Count == 0 || WeightDecay.Count == 0 || (Models.Contains("image_augmented") && Copies.Count == 0)))
            throw new ArgumentException("supervised.mlp: hidden, dropout, weight_decay (and copies when image_augmented is listed) must each list at least one value.");
        if (Copies.Any(c => c < 0))
            throw new ArgumentException("supervised.mlp.copies cannot be negative.");
        ToOptions().Validate();
        foreach (var candidate in Candidates([0]))
            (ToOptions() with { Hidden = candidate.Hidden, Dropout = candidate.Dropout, WeightDecay = candidate.WeightDecay }).Validate();
    }
}
