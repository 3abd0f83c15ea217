namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>What a clustering stage reads from pipeline.yaml: the global seed, where its numerics run and the scoring
/// protocol. Bound in this order: a fault in <c>analysis</c> must not hide that this stage reads <c>numerics</c>
/// (the configuration check would then call it unread); the co-association stage binds <c>analysis</c> first.</summary>
public sealed record ClusteringParameters(int Seed, NumericsParameters Numerics, AnalysisParameters Analysis);
