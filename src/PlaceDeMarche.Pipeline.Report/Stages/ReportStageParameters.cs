namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// The report's own settings plus the whole effective configuration, which its appendix prints: any parameter
/// change therefore refreshes the report, and the appendix always matches the run.
/// </summary>
public sealed record ReportStageParameters(ReportParameters Report, IReadOnlyList<KeyValuePair<string, string>> EffectiveConfiguration);
