namespace PlaceDeMarche.Pipeline.Supervised.Evaluation;

/// <summary>One hyper-parameter value tried by the inner validation: its mean training and validation accuracy, and the setting it stands for.</summary>
public sealed record SearchPoint(double Value, double TrainAccuracy, double ValidationAccuracy, string Setting = "");
