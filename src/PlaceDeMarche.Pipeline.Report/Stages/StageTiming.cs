namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>How long a stage's last real run took (an up-to-date stage keeps the figure of the run that built it).</summary>
public sealed record StageTiming(string Stage, double Seconds, DateTimeOffset CompletedAtUtc);
