using System.Reflection;
using System.Runtime.InteropServices;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Execution;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Report.Rendering;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>Renders <c>reports/feasibility-report.pdf</c> from the study's artifacts.</summary>
public sealed class FeasibilityReportStage : Stage<ReportStageParameters>
{
    public override string Name => "Report";

    public override string Description => "Render the feasibility report (PDF) from the study's results";

    public override IReadOnlyList<string> Inputs { get; } =
    [
        ArtifactPaths.ArchiveInfo,
        ArtifactPaths.Products,
        .. TextStudyInput.Artifacts,
        CollectionArtifactPaths.Collected,
        CollectionArtifactPaths.CollectionStatistics,
        CollectionArtifactPaths.CollectedImages,
        CollectionArtifactPaths.ComplianceFindings,
        CollectionArtifactPaths.LicenceManifest,
        .. ImageStudyInput.Artifacts,
        .. SupervisedStudyInput.Artifacts,
        .. FusionStudyInput.Artifacts,
    ];

    public override IReadOnlyList<string> Outputs { get; } = [ArtifactPaths.FeasibilityReport];

    protected override ReportStageParameters BindParameters(PipelineConfiguration configuration) => ReportStageParameters.Bind(configuration);

    protected override void Run(StageContext context, ReportStageParameters parameters)
    {
        var upstream = new ManifestStore(context.Workspace).LoadAll().Where(m => m.Stage != Name).ToArray();
        var archive = ArchiveTable.Read(context.InputPath(ArtifactPaths.ArchiveInfo));
        var text = TextStudyInput.Load(context.InputPath, upstream);
        var images = ImageStudyInput.Load(context.InputPath);
        var fusion = FusionStudyInput.Load(context.InputPath);
        var input = new ReportInput(
            parameters,
            archive,
            ProductTable.Read(context.InputPath(ArtifactPaths.Products)),
            text.Scores,
            text.TopicModels,
            upstream.Select(m => new StageTiming(m.Stage, m.Seconds, m.CompletedAtUtc)).ToArray(),
            [
                new("Archive du jeu de données", $"{archive.FileName} : {archive.Sha256}"),
                .. upstream.SelectMany(m => m.Outputs).Where(o => Inputs.Contains(o.Path)).Select(o => new KeyValuePair<string, string>(context.Workspace.DisplayPath(o.Path), o.Sha256)),
            ],
            ToolVersions(),
            ReportDate(upstream),
            images)
        {
            Collection = ReadCollection(context),
            Supervised = SupervisedStudyInput.Load(context.InputPath, images.Index, context.InputPath(ImageArtifactPaths.Preprocessed)) with
            {
                ModelPath = context.Workspace.DisplayPath(SupervisedArtifactPaths.Model),
            },
            FusionScores = fusion.Scores,
            FusionBlocks = fusion.Blocks,
            UpstreamMetrics = NumericMetrics(upstream),
            NumericsBackends = NumericsBackends(upstream),
        };
        var verdict = ManagementSummaryBuilder.Verdict(input);
        context.PublishMetric("report.verdict", verdict.Code);
        context.PublishMetric("report.verdict_area", verdict.Area);
        if (verdict.Best is { } best)
        {
            context.PublishMetric("report.verdict_ari_mean", Math.Round(best.Metrics["ari_mean"], 6));
            if (best.Metrics.TryGetValue("matched_accuracy_mean", out var accuracy))
            {
                context.PublishMetric("report.verdict_matched_accuracy_mean", Math.Round(accuracy, 6));
            }
        }

        var document = FeasibilityReportBuilder.Build(input);
        ReportSecretAudit.EnsureClean(document, input.Products.Select(p => p.Id).Concat(input.Collection.Products.Select(p => p.FoodId)).ToHashSet(StringComparer.Ordinal));
        AtomicFile.Write(context.OutputPath(ArtifactPaths.FeasibilityReport), stream => new PdfReportRenderer().Render(document, stream));
        context.Log.Info($"Report: {ArtifactPaths.FeasibilityReport} written");
    }

    /// <summary>The numeric metrics the upstream stages published, as their manifests recorded them (e.g. a supervised classifier's scores).</summary>
    private static IReadOnlyDictionary<string, double> NumericMetrics(IReadOnlyList<Core.Caching.StageManifest> upstream) =>
        upstream.SelectMany(m => m.Metrics)
            .Where(m => m.Value is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<double>(out _))
            .GroupBy(m => m.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value!.GetValue<double>(), StringComparer.Ordinal);

    /// <summary>The distinct (backend, device) pairs the clustering stages recorded, in stage order.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> NumericsBackends(IReadOnlyList<Core.Caching.StageManifest> upstream) =>
        upstream
            .Where(m => m.Metrics.TryGetValue("numerics.backend", out var backend) && backend is System.Text.Json.Nodes.JsonValue)
            .Select(m => new KeyValuePair<string, string>(
                m.Metrics["numerics.backend"]!.GetValue<string>(),
                m.Metrics.TryGetValue("numerics.backend_device", out var device) && device is System.Text.Json.Nodes.JsonValue ? device.GetValue<string>() : ""))
            .Distinct()
            .ToArray();

    private static CollectionReportInput ReadCollection(StageContext context)
    {
        var products = CollectedProductTable.Read(context.InputPath(CollectionArtifactPaths.Collected));
        return new CollectionReportInput(
            CollectionStatisticsTable.Read(context.InputPath(CollectionArtifactPaths.CollectionStatistics)),
            products,
            products.Select(p => p.ThumbnailPath is { } path && File.Exists(context.Workspace.Resolve(path))
                ? File.ReadAllBytes(context.Workspace.Resolve(path)) is var pixels && pixels.Length == p.ThumbnailWidth * p.ThumbnailHeight * 3 ? pixels : null
                : null).ToArray(),
            ComplianceFindingTable.Read(context.InputPath(CollectionArtifactPaths.ComplianceFindings)),
            LicenceTable.Read(context.InputPath(CollectionArtifactPaths.LicenceManifest)));
    }

    /// <summary>The report is dated by its newest input, not by the clock, so an unchanged study renders the same bytes.</summary>
    internal static DateTimeOffset ReportDate(IReadOnlyList<Core.Caching.StageManifest> upstream) =>
        upstream.Count > 0 ? upstream.Max(m => m.CompletedAtUtc) : DateTimeOffset.UnixEpoch;

    internal static IReadOnlyList<KeyValuePair<string, string>> ToolVersions() =>
    [
        new("PlaceDeMarche.Pipeline", typeof(FeasibilityReportStage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?"),
        new(".NET", RuntimeInformation.FrameworkDescription),
        new("Système", RuntimeInformation.OSDescription),
        new("PDFsharp", typeof(PdfSharp.Pdf.PdfDocument).Assembly.GetName().Version?.ToString() ?? "?"),
    ];
}
