using PlaceDeMarche.Pipeline.Core.Configuration;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// The report's own settings plus the whole effective configuration and the reason given for each value, which its
/// appendix prints: any parameter change (or a reworded reason) therefore refreshes the report, and the appendix
/// always matches the run.
/// </summary>
public sealed record ReportStageParameters(
    ReportParameters Report,
    IReadOnlyList<KeyValuePair<string, string>> EffectiveConfiguration,
    IReadOnlyDictionary<string, string> Explanations)
{
    public static ReportStageParameters Bind(PipelineConfiguration configuration) => Bind(configuration, _ => true);

    /// <summary>Binds only the parameters whose dotted path <paramref name="include"/> accepts, so that editing another
    /// part of the study does not rerun a report that does not print it.</summary>
    public static ReportStageParameters Bind(PipelineConfiguration configuration, Func<string, bool> include)
    {
        var explanations = configuration.Explanations();
        return new(
            configuration.Bind<ReportParameters>("report"),
            configuration.Flatten().Where(p => include(p.Key)).ToArray(),
            explanations.Where(e => include(e.Key)).ToDictionary());
    }
}
