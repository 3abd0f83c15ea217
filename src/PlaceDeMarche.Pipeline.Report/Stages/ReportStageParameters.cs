using PlaceDeMarche.Pipeline.Core.Configuration;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// The report's own settings plus the whole effective configuration and the French reason for each value
/// (<see cref="FrenchParameterReasons"/>), which its appendix prints: any parameter change (or a reworded reason)
/// therefore refreshes the report, and the appendix always matches the run.
/// </summary>
public sealed record ReportStageParameters(
    ReportParameters Report,
    IReadOnlyList<KeyValuePair<string, string>> EffectiveConfiguration,
    IReadOnlyDictionary<string, string> Reasons)
{
    public static ReportStageParameters Bind(PipelineConfiguration configuration) => Bind(configuration, _ => true);

    /// <summary>Binds only the parameters whose dotted path <paramref name="include"/> accepts, so that editing another
    /// part of the study does not rerun a report that does not print it.</summary>
    public static ReportStageParameters Bind(PipelineConfiguration configuration, Func<string, bool> include) =>
        Bind(configuration, include, () => FrenchParameterReasons.Load(configuration));

    public static ReportStageParameters Bind(PipelineConfiguration configuration, Func<string, bool> include, FrenchParameterReasons reasons) =>
        Bind(configuration, include, () => reasons);

    private static ReportStageParameters Bind(PipelineConfiguration configuration, Func<string, bool> include, Func<FrenchParameterReasons> reasons)
    {
        // The section first: a faulty reasons file must not also make 'report' look like a section no stage reads.
        var report = configuration.Bind<ReportParameters>("report");
        var parameters = configuration.Flatten().Where(p => include(p.Key)).ToArray();
        var french = reasons();
        return new(report, parameters, parameters.ToDictionary(p => p.Key, p => french.ReasonFor(p.Key, configuration), StringComparer.Ordinal));
    }
}
