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
    /// <summary>The text's topic models, in report order: label, what they were fitted on, their artifacts.</summary>
    private static readonly (string Label, string Source, string Topics, string Metrics)[] TopicModels =
    [
        ("NMF", "TF-IDF", ArtifactPaths.TextNmfTopics, ArtifactPaths.TextNmfMetrics),
        ("LDA", "sac de mots", ArtifactPaths.TextLdaTopics, ArtifactPaths.TextLdaMetrics),
    ];

    public override string Name => "Report";

    public override string Description => "Render the feasibility report (PDF) from the study's results";

    public override IReadOnlyList<string> Inputs { get; } =
    [
        ArtifactPaths.ArchiveInfo,
        ArtifactPaths.Products,
        .. TopicModels.SelectMany(m => new[] { m.Topics, m.Metrics }),
        .. TextRepresentation.All.SelectMany(r => new[] { r.Clusters, r.ClusterMetrics }),
        CollectionArtifactPaths.Collected,
        CollectionArtifactPaths.CollectionStatistics,
        CollectionArtifactPaths.CollectedImages,
        CollectionArtifactPaths.ComplianceFindings,
        CollectionArtifactPaths.LicenceManifest,
        .. ImageStudyInput.Artifacts,
    ];

    public override IReadOnlyList<string> Outputs { get; } = [ArtifactPaths.FeasibilityReport];

    protected override ReportStageParameters BindParameters(PipelineConfiguration configuration) =>
        new(configuration.Bind<ReportParameters>("report"), configuration.Flatten());

    protected override void Run(StageContext context, ReportStageParameters parameters)
    {
        var manifests = new ManifestStore(context.Workspace);
        var upstream = Directory.Exists(context.Workspace.ManifestsDirectory)
            ? Directory.GetFiles(context.Workspace.ManifestsDirectory, "*.json")
                .Select(f => manifests.Load(Path.GetFileNameWithoutExtension(f)))
                .OfType<Core.Caching.StageManifest>()
                .Where(m => m.Stage != Name)
                .OrderBy(m => m.CompletedAtUtc)
                .ToArray()
            : [];
        var archive = ArchiveTable.Read(context.InputPath(ArtifactPaths.ArchiveInfo));
        var input = new ReportInput(
            parameters,
            archive,
            ProductTable.Read(context.InputPath(ArtifactPaths.Products)),
            TextRepresentation.All.Select(r => new RepresentationScores(
                r.Label,
                ClusterAssignmentTable.Read(context.InputPath(r.Clusters)),
                MetricTable.Read(context.InputPath(r.ClusterMetrics))) { NotRunNote = r.NotRunNote }).ToArray(),
            TopicModels.Select(m => new TopicModelSummary(
                m.Label,
                m.Source,
                TopicTermTable.Read(context.InputPath(m.Topics)),
                MetricTable.Read(context.InputPath(m.Metrics)))).ToArray(),
            upstream.Select(m => new StageTiming(m.Stage, m.Seconds, m.CompletedAtUtc)).ToArray(),
            [
                new("Archive du jeu de données", $"{archive.FileName} : {archive.Sha256}"),
                .. upstream.SelectMany(m => m.Outputs).Where(o => Inputs.Contains(o.Path)).Select(o => new KeyValuePair<string, string>(o.Path, o.Sha256)),
            ],
            ToolVersions(),
            upstream.Length > 0 ? upstream.Max(m => m.CompletedAtUtc) : DateTimeOffset.UnixEpoch,
            ImageStudyInput.Load(context.InputPath))
        {
            Collection = ReadCollection(context),
        };
        var document = FeasibilityReportBuilder.Build(input);
        ReportSecretAudit.EnsureClean(document, input.Products.Select(p => p.Id).Concat(input.Collection.Products.Select(p => p.FoodId)).ToHashSet(StringComparer.Ordinal));
        AtomicFile.Write(context.OutputPath(ArtifactPaths.FeasibilityReport), stream => new PdfReportRenderer().Render(document, stream));
        context.Log.Info($"Report: {ArtifactPaths.FeasibilityReport} written");
    }

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

    private static IReadOnlyList<KeyValuePair<string, string>> ToolVersions() =>
    [
        new("PlaceDeMarche.Pipeline", typeof(FeasibilityReportStage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?"),
        new(".NET", RuntimeInformation.FrameworkDescription),
        new("Système", RuntimeInformation.OSDescription),
        new("PDFsharp", typeof(PdfSharp.Pdf.PdfDocument).Assembly.GetName().Version?.ToString() ?? "?"),
    ];
}
