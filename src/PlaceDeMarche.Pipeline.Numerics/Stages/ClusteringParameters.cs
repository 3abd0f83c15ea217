namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>What a clustering stage depends on: the global seed and the scoring protocol's settings.</summary>
public sealed record ClusteringParameters(int Seed, AnalysisParameters Analysis);
