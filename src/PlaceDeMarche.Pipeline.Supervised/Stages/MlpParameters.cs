using PlaceDeMarche.Pipeline.Supervised.Neural;

namespace PlaceDeMarche.Pipeline.Supervised.Stages;

/// <summary>
/// The <c>supervised.mlp</c> section of pipeline.yaml: which models get an MLP head, the candidates the inner validation
/// chooses among, the numbers of augmented copies tried, and the optimiser's fixed settings. An empty <see cref="Models"/>
/// skips the MLP.
/// </summary>
public sealed class MlpParameters
{
    /// <summary>Models scored again with the MLP: <c>image</c>, <c>image_augmented</c>, <c>multimodal_early</c>.</summary>
    public required List<string> Models { get; set; }

    /// <summary>Settings (width, dropout, weight decay) the inner validation chooses among for every MLP model.</summary>
    public required List<MlpCandidateParameters> Candidates { get; set; }

    /// <summary>
    /// Augmented copies per training photo tried by <c>image_augmented</c> (the first k of the cached copies), with the
    /// setting <c>image</c>'s search chose in the same outer fold (one dimension at a time: the grid stays small).
    /// </summary>
    public required List<int> Copies { get; set; }

    public required int BatchSize { get; set; }

    public required int MaxEpochs { get; set; }

    public required int Patience { get; set; }

    public required double ValidationFraction { get; set; }

    public static readonly string[] Scorable = ["image", "image_augmented", "multimodal_early"];

    public MlpOptions ToOptions() => new()
    {
        BatchSize = BatchSize,
        MaxEpochs = MaxEpochs,
        Patience = Patience,
        ValidationFraction = ValidationFraction,
    };

    /// <summary>The candidates, without augmented copies.</summary>
    public MlpCandidate[] Settings() => [.. Candidates.Select(c => new MlpCandidate(c.Hidden, c.Dropout, c.WeightDecay, c.LearningRate, 0))];

    public void Validate()
    {
        if (Models.Except(Scorable).FirstOrDefault() is { } unknown)
            throw new ArgumentException($"supervised.mlp.models: unknown model '{unknown}'; use {string.Join(", ", Scorable)}.");
        if (Models.Count > 0 && (Candidates.Count == 0 || (Models.Contains("image_augmented") && Copies.Count == 0)))
            throw new ArgumentException("supervised.mlp: candidates (and copies when image_augmented is listed) must list at least one value.");
        if (Copies.Any(c => c < 0))
            throw new ArgumentException("supervised.mlp.copies cannot be negative.");
        ToOptions().Validate();
        foreach (var candidate in Settings())
            candidate.Apply(ToOptions()).Validate();
    }
}
