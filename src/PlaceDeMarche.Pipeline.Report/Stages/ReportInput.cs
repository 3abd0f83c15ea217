using PlaceDeMarche.Pipeline.Core.Schema;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>Everything the report shows, gathered from the artifacts, so the document can be built (and tested) without disk.</summary>
/// <param name="Images">The image study, or null to leave its section out.</param>
public sealed record ReportInput(
    ReportStageParameters Parameters,
    ArchiveRecord Archive,
    IReadOnlyList<ProductRow> Products,
    IReadOnlyList<RepresentationScores> TextScores,
    IReadOnlyList<TopicModelSummary> TopicModels,
    IReadOnlyList<StageTiming> Timings,
    IReadOnlyList<KeyValuePair<string, string>> Checksums,
    IReadOnlyList<KeyValuePair<string, string>> ToolVersions,
    DateTimeOffset Date,
    ImageStudyInput? Images = null)
{
    /// <summary>The API collection and compliance results, or null when those stages are not part of the run.</summary>
    public CollectionReportInput? Collection { get; init; }

    /// <summary>The supervised classification results, or null to leave their section out.</summary>
    public SupervisedStudyInput? Supervised { get; init; }

    /// <summary>The text + image fusions (study's fusion first), empty when the fusion stages are not part of the run.</summary>
    public IReadOnlyList<RepresentationScores> FusionScores { get; init; } = [];

    /// <summary>Which blocks the fusion took and their shares (<c>group:family.method</c> → share).</summary>
    public IReadOnlyDictionary<string, double> FusionBlocks { get; init; } = new Dictionary<string, double>();

    /// <summary>Where the scoring protocol's numerics ran (<c>numerics.backend</c> → <c>numerics.backend_device</c>, as the
    /// clustering stages published them), distinct pairs; empty when no clustering stage recorded it.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> NumericsBackends { get; init; } = [];

    /// <summary>Numeric metrics the upstream stages published (e.g. <c>supervised.*</c>), by name.</summary>
    public IReadOnlyDictionary<string, double> UpstreamMetrics { get; init; } = new Dictionary<string, double>();
}
