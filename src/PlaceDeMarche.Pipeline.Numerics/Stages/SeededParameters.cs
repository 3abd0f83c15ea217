namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>A stage's own section of pipeline.yaml together with the global seed it draws its randomness from.</summary>
public sealed record SeededParameters<TSection>(int Seed, TSection Section);
