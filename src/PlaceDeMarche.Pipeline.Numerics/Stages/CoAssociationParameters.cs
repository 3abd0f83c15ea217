namespace PlaceDeMarche.Pipeline.Numerics.Stages;

/// <summary>The fusion's groups, and the protocol and seed that cluster each group alone.</summary>
public sealed record CoAssociationParameters(int Seed, FusionParameters Fusion, AnalysisParameters Analysis, NumericsParameters Numerics);
