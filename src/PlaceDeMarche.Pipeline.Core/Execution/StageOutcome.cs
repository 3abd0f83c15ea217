namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>What happened to one stage in one run; <see cref="Reason"/> says why it ran or how it failed.</summary>
public sealed record StageOutcome(string Stage, StageStatus Status, double Seconds, string Reason);
