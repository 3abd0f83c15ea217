using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Execution;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// Compares the text representations: publishes the best one (<c>text.best.*</c>) and renders the "Texte" section,
/// with the parameters it depends on, as <c>reports/text-study.pdf</c> — the text half without waiting for the images.
/// </summary>
public sealed class TextReportStage : Stage<ReportStageParameters>
{
    /// <summary>The configuration sections the text half reads, shown in its parameter table.</summary>
    private static readonly string[] TextSections = ["seed", "text.", "analysis."];

    public override string Name => "TextReport";

    public override string Description => "Compare the text representations (text.best.*) and render reports/text-study.pdf";

    public override IReadOnlyList<string> Inputs { get; } = [ArtifactPaths.ArchiveInfo, ArtifactPaths.Products, .. TextStudyInput.Artifacts];

    public override IReadOnlyList<string> Outputs { get; } = [ArtifactPaths.TextStudyReport];

    protected override ReportStageParameters BindParameters(PipelineConfiguration configuration) =>
        ReportStageParameters.Bind(configuration, IsTextParameter);

    private static bool IsTextParameter(string key) => TextSections.Any(prefix => key == prefix || key.StartsWith(prefix, StringComparison.Ordinal));

    protected override void Run(StageContext context, ReportStageParameters parameters)
    {
        var upstream = new ManifestStore(context.Workspace).LoadAll().Where(m => m.Stage != Name).ToArray();
        var archive = ArchiveTable.Read(context.InputPath(ArtifactPaths.ArchiveInfo));
        var products = ProductTable.Read(context.InputPath(ArtifactPaths.Products));
        var text = TextStudyInput.Load(context.InputPath, upstream);
        var best = RepresentationScores.Best(text.Scores)
            ?? throw new InvalidOperationException("No text representation was scored; check the Text…Clustering stages' logs.");
        context.PublishMetric("text.best.method", best.Method);
        context.PublishMetric("text.best.ari_mean", Math.Round(best.Metrics["ari_mean"], 6));
        context.PublishMetric("text.best.ari_std", Math.Round(best.Metrics["ari_std"], 6));
        context.PublishMetric("text.methods_scored", text.Scores.Count(s => s.HasRun));

        var categoryNames = products.Select(p => p.Category).Distinct().Order(StringComparer.Ordinal).ToArray();
        var document = new ReportDocument(
            archive.IsSample ? "Étude du texte (échantillon)" : "Étude du texte",
            FeasibilityReportStage.ReportDate(upstream),
            [
                TextSectionBuilder.Build(text.Scores, text.TopicModels, best, categoryNames, parameters.Report),
                new ReportSection("Annexe : résultats publiés", [PublishedResults.Table("Texte")]),
                new ReportSection("Paramètres",
                [
                    FeasibilityReportBuilder.ParameterTable(parameters),
                ]),
            ])
        {
            Subtitle = $"{parameters.Report.Title} — {FeasibilityReportBuilder.Count(products.Count)} produits, {categoryNames.Length} catégories",
            Author = parameters.Report.Author,
            IsSampleData = archive.IsSample,
            Labels = ReportLabels.French,
        };
        ReportSecretAudit.EnsureClean(document, products.Select(p => p.Id).ToHashSet(StringComparer.Ordinal));
        AtomicFile.Write(context.OutputPath(ArtifactPaths.TextStudyReport), stream => new PdfReportRenderer().Render(document, stream));
        context.Log.Info($"TextReport: best text representation {best.Label}, ARI {best.Metrics["ari_mean"]:F3} ± {best.Metrics["ari_std"]:F3} over {best.Metrics["seeds"]:0} seeds; {ArtifactPaths.TextStudyReport} written");
    }
}
