namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>What a clustering stage reads from pipeline.yaml: the global seed, the scoring protocol and where its
/// numerics run.</summary>
public sealed record ClusteringParameters(int Seed, AnalysisParameters Analysis, NumericsParameters Numerics);
