using System.Globalization;
using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// Turns the study's results into the management report (in French, for the marketplace's team): verdict first,
/// then the data, the text study, the run and a reproducibility appendix.
/// </summary>
public static class FeasibilityReportBuilder
{
    public static ReportDocument Build(ReportInput input)
    {
        var categoryNames = input.Products.Select(p => p.Category).Distinct().Order(StringComparer.Ordinal).ToArray();
        var best = RepresentationScores.Best(input.TextScores);
        var sections = new List<ReportSection> { Summary(input, best, categoryNames.Length), Data(input, categoryNames) };
        if (best is not null)
        {
            sections.Add(TextSectionBuilder.Build(input.TextScores, input.TopicModels, best, categoryNames, input.Parameters.Report));
        }

        if (input.Images is not null)
        {
            sections.Add(ImageSectionBuilder.Build(input.Images, categoryNames, input.Timings));
        }

        if (input.Supervised is not null)
        {
            sections.Add(SupervisedSectionBuilder.Build(input.Supervised, input.Parameters.Report));
        }

        if (input.Collection is not null)
        {
            sections.Add(CollectionSectionBuilder.Build(input.Collection));
        }

        sections.Add(Execution(input));
        sections.Add(Appendix(input));
        var title = input.Archive.IsSample ? $"{input.Parameters.Report.Title} (échantillon)" : input.Parameters.Report.Title;
        return new ReportDocument(title, input.Date, sections)
        {
            Subtitle = input.Archive.IsSample
                ? "Données d'échantillon (35 produits) — démonstration, pas de conclusion"
                : $"Jeu Flipkart : {input.Products.Count} produits, {categoryNames.Length} catégories",
            Author = input.Parameters.Report.Author,
            IsSampleData = input.Archive.IsSample,
            Labels = ReportLabels.French,
        };
    }

    private static ReportSection Summary(ReportInput input, RepresentationScores? best, int categoryCount)
    {
        var parameters = input.Parameters.Report;
        var blocks = new List<ReportBlock>();
        if (best is null)
        {
            blocks.Add(new Callout("Verdict : pas de résultat", "Aucune représentation n'a été évaluée.") { Tone = CalloutTone.Negative });
        }
        else
        {
            var ari = best.Metrics["ari_mean"];
            var (title, tone, meaning) = ari >= parameters.AriFeasible
                ? ("Verdict : faisable à partir du texte", CalloutTone.Positive, "les catégories se retrouvent automatiquement dans les descriptions")
                : ari >= parameters.AriPromising
                    ? ("Verdict : prometteur, pas encore suffisant", CalloutTone.Caution, "le texte porte un signal réel mais les groupes se mélangent encore")
                    : ("Verdict : non démontré à ce stade", CalloutTone.Negative, "les groupes trouvés ne correspondent pas assez aux catégories");
            blocks.Add(new Callout(title, Paragraph.FromMarkup(
                $"Sans aucune étiquette, le regroupement des descriptions ({best.Label}) retrouve les {categoryCount} catégories "
                + $"avec un **ARI moyen de {Number(ari)}** (1 = accord parfait, 0 = hasard) : {meaning}. "
                + $"Seuils fixés avant l'étude : faisable si ARI ≥ {Number(parameters.AriFeasible, 2)}, prometteur si ARI ≥ {Number(parameters.AriPromising, 2)}."))
            { Tone = tone });
        }

        if (input.Archive.IsSample)
        {
            blocks.Add(new Callout("Échantillon", "Ce rapport a été produit sur l'échantillon de démonstration (35 produits) : ses chiffres illustrent la chaîne de traitement et ne permettent aucune conclusion.") { Tone = CalloutTone.Caution });
        }

        var missing = ProductsWithoutUsablePhoto(input).Length;
        blocks.Add(new KeyValueTable(
        [
            new("Produits", input.Products.Count.ToString(CultureInfo.InvariantCulture)),
            new("Catégories", categoryCount.ToString(CultureInfo.InvariantCulture)),
            new("Produits sans photo exploitable", missing.ToString(CultureInfo.InvariantCulture)),
            new("Meilleure représentation texte", best is null ? "—" : $"{best.Label} (ARI moyen {Number(best.Metrics["ari_mean"])})"),
            .. BestImageRepresentation(input),
        ]));
        blocks.Add(new Paragraph("Étapes suivantes prévues : images par apprentissage par transfert (réseau de neurones convolutif via ONNX), classification supervisée avec augmentation de données, fusion texte-image."));
        return new ReportSection("Synthèse", blocks);
    }

    private static IEnumerable<KeyValuePair<string, string>> BestImageRepresentation(ReportInput input)
    {
        var best = input.Images is null ? null : RepresentationScores.Best(input.Images.Scores);
        return best is null ? [] : [new("Meilleure représentation image", $"{best.Label} (ARI moyen {Number(best.Metrics["ari_mean"])})")];
    }

    private static ReportSection Data(ReportInput input, string[] categoryNames)
    {
        var counts = categoryNames.Select(c => (double)input.Products.Count(p => p.Category == c)).ToArray();
        var unusable = ProductsWithoutUsablePhoto(input);
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"Source : {input.Archive.FileName} ({input.Archive.Bytes / (1024.0 * 1024.0):0.0} Mio, {input.Archive.Files} fichiers). La catégorie d'un produit est le premier niveau de son arborescence « product_category_tree »."),
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
        new Paragraph("Durée de la dernière exécution réelle de chaque étape (une étape à jour n'est pas recalculée et garde la durée de l'exécution qui a produit ses résultats)."),
        new Table(
            ["Étape", "Durée (s)", "Terminée le (UTC)"],
            input.Timings.Select(t => (IReadOnlyList<string>)[t.Stage, Number(t.Seconds, 1), t.CompletedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)]).ToArray())
        {
            Alignments = [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Left],
        },
    ]);

    private static ReportSection Appendix(ReportInput input)
    {
        return new ReportSection("Annexe : reproductibilité",
        [
            new Paragraph("Relancer `dotnet cake` avec la même archive et le même fichier pipeline.yaml reproduit ces résultats : chaque étape aléatoire tire ses nombres de la graine ci-dessous."),
            new KeyValueTable(input.ToolVersions) { Caption = "Versions des outils" },
            new KeyValueTable(input.Checksums) { Caption = "Empreintes SHA-256 des entrées" },
            ParameterTable(input.Parameters),
        ])
        { StartOnNewPage = true };
    }

    /// <summary>The effective parameters, each with the reason written beside it in pipeline.yaml.</summary>
    internal static Table ParameterTable(ReportStageParameters parameters) => new(
        ["Paramètre", "Valeur", "Pourquoi cette valeur (commentaire de pipeline.yaml)"],
        parameters.EffectiveConfiguration
            .Select(p => (IReadOnlyList<string>)[p.Key, p.Value, parameters.Explanations.GetValueOrDefault(p.Key, "")])
            .ToArray())
    {
        Caption = "Paramètres de l'exécution (pipeline.yaml après options de la ligne de commande), fixés avant de regarder les scores",
        ColumnWidths = [2.2, 2.2, 4.6],
    };

    /// <summary>French decimal notation: 0,523.</summary>
    internal static string Number(double value, int digits = 3) =>
        double.IsFinite(value) ? value.ToString("F" + digits, CultureInfo.InvariantCulture).Replace('.', ',') : "—";

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
