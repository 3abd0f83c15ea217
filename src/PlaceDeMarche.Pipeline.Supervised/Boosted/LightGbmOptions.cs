namespace PlaceDeMarche.Pipeline.Supervised.Boosted;

/// <summary>Settings of ML.NET's LightGbm multiclass trainer that the study fixes (the learning rate is searched).</summary>
public sealed record LightGbmOptions
{
    public int Iterations { get; init; } = 100;

    public int Leaves { get; init; } = 15;

    public int MinimumExampleCountPerLeaf { get; init; } = 5;

    /// <summary>LightGBM's own threads; set explicitly (its default takes every core, and the study runs folds side by side).</summary>
    public int Threads { get; init; } = 1;
}
