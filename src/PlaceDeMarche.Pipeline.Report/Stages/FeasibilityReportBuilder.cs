using System.Globalization;
using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// Turns the study's results into the management report (in French, for the marketplace's team): a one-page summary
/// for management first, then the data, the text and image studies, the fusion, the run and a reproducibility appendix.
/// </summary>
public static class FeasibilityReportBuilder
{
    public static ReportDocument Build(ReportInput input)
    {
        var categoryNames = input.Products.Select(p => p.Category).Distinct().Order(StringComparer.Ordinal).ToArray();
        var best = RepresentationScores.Best(input.TextScores);
        var sections = new List<ReportSection> { Data(input, categoryNames) };
        if (best is not null)
        {
            sections.Add(TextSectionBuilder.Build(input.TextScores, input.TopicModels, best, categoryNames, input.Parameters.Report));
        }

        if (input.Images is not null)
        {
            sections.Add(ImageSectionBuilder.Build(input.Images, categoryNames, input.Timings, input.Parameters.Report));
            sections.Add(TransferLearningSectionBuilder.Build(input.Images, categoryNames));
        }

        if (input.FusionScores.Count > 0)
        {
            sections.Add(FusionSectionBuilder.Build(input.FusionScores, input.FusionBlocks, categoryNames));
        }

        if (input.Supervised is not null)
        {
            sections.Add(SupervisedSectionBuilder.Build(input.Supervised, input.Parameters.Report, input.UpstreamMetrics));
        }

        if (input.Collection is not null)
        {
            sections.Add(CollectionSectionBuilder.Build(input.Collection));
        }

        sections.Add(Execution(input));
        sections.Add(new ReportSection("Annexe : résultats publiés", [PublishedResults.Table()]) { StartOnNewPage = true });
        sections.Add(Appendix(input));
        var title = input.Archive.IsSample ? $"{input.Parameters.Report.Title} (échantillon)" : input.Parameters.Report.Title;
        return new ReportDocument(title, input.Date, sections)
        {
            Preface = [ManagementSummaryBuilder.Build(input)],
            Subtitle = input.Archive.IsSample
                ? "Données d'échantillon (35 produits) — démonstration, pas de conclusion"
                : $"Jeu Flipkart : {Count(input.Products.Count)} produits, {categoryNames.Length} catégories",
            Author = input.Parameters.Report.Author,
            IsSampleData = input.Archive.IsSample,
            Labels = ReportLabels.French,
        };
    }

    private static ReportSection Data(ReportInput input, string[] categoryNames)
    {
        var counts = categoryNames.Select(c => (double)input.Products.Count(p => p.Category == c)).ToArray();
        var unusable = ProductsWithoutUsablePhoto(input);
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"Source : {input.Archive.FileName} ({Number(input.Archive.Bytes / (1024.0 * 1024.0), 1)} Mio, {Count(input.Archive.Files)} fichiers). La catégorie d'un produit est le premier niveau de son arborescence « product_category_tree »."),
            new BarChart("Produits par catégorie", categoryNames, counts) { ValueFormat = "0" },
        };
        if (unusable.Length == 0)
        {
            blocks.Add(new Paragraph("Toutes les photos annoncées sont présentes et lisibles."));
        }
        else
        {
            blocks.Add(new Paragraph(unusable.Length == 1
                ? "1 produit sans photo exploitable : il reste dans l'étude du texte et sera exclu de l'étude des images."
                : $"{unusable.Length} produits sans photo exploitable : ils restent dans l'étude du texte et seront exclus de l'étude des images."));
            blocks.Add(new Table(
                ["Produit", "Nom", "Catégorie", "Photo"],
                unusable.Select(p => (IReadOnlyList<string>)[p.Product.Id, Shorten(p.Product.Name, 60), p.Product.Category, UnusablePhotoReason.French(p.Reason)]).ToArray())
            {
                Caption = "Produits dont la photo manque ou est illisible",
            });
        }

        return new ReportSection("Données", blocks);
    }

    /// <summary>
    /// One source of truth for the summary, the data section and the image section: the image index, which holds
    /// the problems seen at ingest and those of the decoder; the ingest statuses only when there is no image study.
    /// </summary>
    private static (Core.Schema.ProductRow Product, string Reason)[] ProductsWithoutUsablePhoto(ReportInput input)
    {
        if (input.Images is null)
        {
            return input.Products.Where(p => p.ImageStatus != "ok").Select(p => (p, p.ImageStatus)).ToArray();
        }

        var reasons = input.Images.Index.Where(r => !r.IsUsable).ToDictionary(r => r.Id, r => r.Reason, StringComparer.Ordinal);
        return input.Products.Where(p => reasons.ContainsKey(p.Id)).Select(p => (p, reasons[p.Id])).ToArray();
    }

    internal static int[] CategoryIndices(Core.Schema.ClusterAssignmentTable assignments, string[] categoryNames) =>
        assignments.Categories.Select(c => Array.IndexOf(categoryNames, c)).ToArray();

    internal static ScatterPlot Map(string title, Core.Schema.ClusterAssignmentTable assignments, IReadOnlyList<int> colours, string[] categoryNames) =>
        new(title, assignments.X.Select(v => (double)v).ToArray(), assignments.Y.Select(v => (double)v).ToArray(), colours, categoryNames)
        {
            XLabel = "t-SNE 1",
            YLabel = "t-SNE 2",
        };

    private static ReportSection Execution(ReportInput input) => new("Exécution",
    [
        new Paragraph("Une étape à jour n'est pas recalculée et garde la durée de l'exécution qui a produit ses résultats. Ces durées dépendent aussi de la charge de la machine à ce moment : elles situent les étapes les unes par rapport aux autres, elles ne mesurent pas le coût d'une méthode."),
        new Table(
            ["Étape", "Durée (s)", "Terminée le (UTC)"],
            input.Timings.Select(t => (IReadOnlyList<string>)[t.Stage, Number(t.Seconds, 1), t.CompletedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)]).ToArray())
        {
            Alignments = [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Left],
            Caption = "Durée de chaque étape à sa dernière exécution réelle",
        },
    ]);

    private static ReportSection Appendix(ReportInput input)
    {
        return new ReportSection("Annexe : reproductibilité",
        [
            new Paragraph("Relancer `dotnet cake` avec la même archive et le même fichier pipeline.yaml reproduit ces résultats : chaque étape aléatoire tire ses nombres de la graine ci-dessous."),
            .. NumericsBackendFrench.Paragraphs(input.NumericsBackends),
            new KeyValueTable(input.ToolVersions) { Caption = "Versions des outils" },
            new KeyValueTable(input.Checksums) { Caption = "Empreintes SHA-256 des entrées" },
            ParameterTable(input.Parameters),
        ])
        { StartOnNewPage = true };
    }

    /// <summary>The effective parameters, each with its French reason (<see cref="FrenchParameterReasons"/>).</summary>
    internal static Table ParameterTable(ReportStageParameters parameters) => new(
        ["Paramètre", "Valeur", "Pourquoi cette valeur"],
        parameters.EffectiveConfiguration
            .Select(p => (IReadOnlyList<string>)[p.Key, p.Value, parameters.Reasons[p.Key]])
            .ToArray())
    {
        Caption = "Paramètres de l'exécution (pipeline.yaml après options de la ligne de commande), fixés avant de regarder les scores",
        ColumnWidths = [2.2, 2.2, 4.6],
    };

    /// <summary>French decimal notation: 0,523; 12 345,6 (thousands set apart by a narrow no-break space).</summary>
    internal static string Number(double value, int digits = 3) =>
        double.IsFinite(value) ? French(value.ToString(digits == 0 ? "#,0" : "#,0." + new string('0', digits), CultureInfo.InvariantCulture)) : "—";

    /// <summary>A whole number in French notation: 1 047.</summary>
    internal static string Count(long value) => French(value.ToString("#,0", CultureInfo.InvariantCulture));

    private static string French(string invariant) => invariant.Replace(',', '\u202F').Replace('.', ',');

    /// <summary>A share as a French percentage with one decimal: 0,834 → « 83,4 % ».</summary>
    internal static string Percent(double share) => double.IsFinite(share) ? $"{Number(share * 100, 1)} %" : "—";

    /// <summary>French agreement: singular for 0 and 1, plural from 2.</summary>
    internal static string Plural(long count, string singular, string plural) => Math.Abs(count) < 2 ? singular : plural;

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
