using System.Globalization;
using PlaceDeMarche.Pipeline.Numerics.Metrics;
using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// Turns the study's results into the management report (in French, for the marketplace's team): verdict first,
/// then the data, the text study, the run and a reproducibility appendix.
/// </summary>
public static class FeasibilityReportBuilder
{
    private static readonly (string Key, string Label)[] MetricColumns =
    [
        ("nmi", "NMI"),
        ("silhouette", "Silhouette"),
        ("matched_accuracy", "Exactitude*"),
        ("feature_space_ari", "ARI sans t-SNE"),
    ];

    public static ReportDocument Build(ReportInput input)
    {
        var categoryNames = input.Products.Select(p => p.Category).Distinct().Order(StringComparer.Ordinal).ToArray();
        var best = input.TextScores.Where(s => s.HasRun).MaxBy(s => s.Metrics["ari_mean"]);
        var sections = new List<ReportSection> { Summary(input, best, categoryNames.Length), Data(input, categoryNames) };
        if (best is not null)
        {
            sections.Add(Text(input, best, categoryNames));
        }

        if (input.Images is not null)
        {
            sections.Add(ImageSectionBuilder.Build(input.Images, categoryNames, input.Timings));
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

        var missing = input.Products.Count(p => p.ImageStatus != "ok");
        blocks.Add(new KeyValueTable(
        [
            new("Produits", input.Products.Count.ToString(CultureInfo.InvariantCulture)),
            new("Catégories", categoryCount.ToString(CultureInfo.InvariantCulture)),
            new("Produits sans photo exploitable", missing.ToString(CultureInfo.InvariantCulture)),
            new("Meilleure représentation texte", best is null ? "—" : $"{best.Label} (ARI moyen {Number(best.Metrics["ari_mean"])})"),
        ]));
        blocks.Add(new Paragraph("Étapes suivantes prévues : scores moyens sur 10 graines pour chaque représentation du texte, plongements de phrases (quand un modèle est fourni), étude des images (descripteurs SIFT, réseau de neurones), classification supervisée et fusion texte-image, collecte de nouveaux produits par API et contrôles RGPD."));
        return new ReportSection("Synthèse", blocks);
    }

    private static ReportSection Data(ReportInput input, string[] categoryNames)
    {
        var counts = categoryNames.Select(c => (double)input.Products.Count(p => p.Category == c)).ToArray();
        var unusable = input.Products.Where(p => p.ImageStatus != "ok").ToArray();
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
            blocks.Add(new Paragraph($"{unusable.Length} produit(s) sans photo exploitable : ils restent dans l'étude du texte et seront exclus de l'étude des images."));
            blocks.Add(new Table(
                ["Produit", "Nom", "Catégorie", "Photo"],
                unusable.Select(p => (IReadOnlyList<string>)[p.Id, Shorten(p.Name, 60), p.Category, p.ImageStatus]).ToArray())
            {
                Caption = "Produits dont la photo manque ou est illisible",
            });
        }

        return new ReportSection("Données", blocks);
    }

    private static ReportSection Text(ReportInput input, RepresentationScores best, string[] categoryNames)
    {
        var blocks = new List<ReportBlock>
        {
            new Paragraph("Méthode : nom et description de chaque produit, nettoyés (entités HTML, minuscules, ponctuation et chiffres retirés, mots vides anglais et formules du site), puis représentés par un sac de mots (nombre d'occurrences de chaque mot), par TF-IDF (mots et paires de mots), par LSA (décomposition en valeurs singulières tronquée du TF-IDF), par les poids de thèmes NMF (sur le TF-IDF) et par les proportions de thèmes LDA (allocation de Dirichlet latente, sur le sac de mots). Chaque représentation est réduite par ACP, projetée en deux dimensions par t-SNE, puis regroupée par KMeans en autant de groupes que de catégories. Les groupes sont comparés aux vraies catégories, que l'algorithme n'a jamais vues."),
            new Table(
                ["Représentation", "ARI", "ARI moyen ± σ", .. MetricColumns.Select(c => c.Label)],
                input.TextScores.Select(s => s.HasRun ? (IReadOnlyList<string>)
                [
                    s.Label,
                    Number(s.Metrics["ari"]),
                    $"{Number(s.Metrics["ari_mean"])} ± {Number(s.Metrics["ari_std"])}",
                    .. MetricColumns.Select(c => Number(s.Metrics[c.Key])),
                ] : [s.Label, "—", s.NotRunNote, .. MetricColumns.Select(_ => "—")]).ToArray())
            {
                Caption = "ARI : indice de Rand ajusté (moyenne ± écart-type sur "
                    + string.Join(", ", input.TextScores.Where(s => s.HasRun).Select(s => s.Metrics["seeds"]).Distinct().Select(n => n.ToString("0", CultureInfo.InvariantCulture)))
                    + " graine(s)) ; NMI : information mutuelle normalisée ; silhouette calculée sur la carte t-SNE. "
                    + "* part des produits bien classés après appariement optimal groupes-catégories. En gras : la meilleure représentation.",
                Alignments = [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right, .. MetricColumns.Select(_ => ColumnAlignment.Right)],
                ColumnWidths = [1.8, 0.9, 1.7, 0.9, 1.45, 1.45, 1.5],
                HighlightedRow = input.TextScores.ToList().IndexOf(best),
            },
            new PlotGrid(input.TextScores.Where(s => s.HasRun).Select(s => Map($"{s.Label} : vraies catégories", s.Assignments, CategoryIndices(s.Assignments, categoryNames), categoryNames)).ToArray())
            {
                Columns = 2,
                Caption = "Cartes t-SNE de chaque représentation, colorées par vraie catégorie : des couleurs bien séparées annoncent un bon regroupement.",
            },
        };

        var categoryIndex = CategoryIndices(best.Assignments, categoryNames);
        var mapping = ClusterCategoryMapper.Map(categoryIndex, best.Assignments.Clusters);
        blocks.Add(new PlotGrid([Map($"{best.Label} : groupes KMeans", best.Assignments, mapping.PredictedCategories, categoryNames)])
        {
            Columns = 1,
            Caption = "Meilleure représentation : chaque groupe KMeans prend la couleur de la catégorie à laquelle il est apparié ; comparée à sa carte des vraies catégories, un point qui change de couleur est mal regroupé.",
        });
        blocks.Add(new Heatmap(
            $"{best.Label} : matrice de confusion",
            categoryNames,
            categoryNames,
            Enumerable.Range(0, categoryNames.Length)
                .Select(r => (IReadOnlyList<double>)Enumerable.Range(0, categoryNames.Length).Select(c => (double)mapping.ConfusionMatrix[r, c]).ToArray())
                .ToArray())
        {
            RowAxisLabel = "vraie catégorie",
            ColumnAxisLabel = "catégorie du groupe (appariement optimal)",
            ValueFormat = "0",
            Caption = $"Exactitude après appariement : {Number(mapping.Accuracy * 100, 1)} %.",
        });
        blocks.AddRange(input.TopicModels.Select(TopicTable));
        blocks.Add(Paragraph.FromMarkup(
            $"Conclusion sur le texte : la meilleure représentation est **{best.Label}**, avec un ARI moyen de {Number(best.Metrics["ari_mean"])} "
            + $"(± {Number(best.Metrics["ari_std"])}) ; {Number(mapping.Accuracy * 100, 1)} % des produits tombent dans le groupe de leur catégorie. "
            + "La matrice de confusion montre quelles catégories se confondent ; ce sont elles que l'image devra départager."));
        return new ReportSection("Texte", blocks) { StartOnNewPage = true };
    }

    /// <summary>A topic model's topics with their strongest terms; the caption gives its strongest-topic ARI.</summary>
    private static Table TopicTable(TopicModelSummary model)
    {
        var terms = model.Terms;
        return new Table(
            [$"Thème {model.Label}", "Termes les plus forts"],
            terms.Topics.Distinct().Order().Select(topic => (IReadOnlyList<string>)
            [
                $"{topic + 1}",
                string.Join(", ", Enumerable.Range(0, terms.Topics.Length).Where(i => terms.Topics[i] == topic).OrderBy(i => terms.Ranks[i]).Select(i => terms.Terms[i])),
            ]).ToArray())
        {
            Caption = $"Thèmes trouvés par {model.Label} dans le {model.Source} : chacun se lit comme une catégorie candidate. "
                + $"Classer chaque produit dans son thème le plus fort donne un ARI de {Number(model.Metrics["argmax_ari"])} avec les catégories.",
            ColumnWidths = [1, 6],
        };
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
            new KeyValueTable(input.Parameters.EffectiveConfiguration) { Caption = "Paramètres de l'exécution (pipeline.yaml après options de la ligne de commande)" },
        ])
        { StartOnNewPage = true };
    }

    /// <summary>French decimal notation: 0,523.</summary>
    internal static string Number(double value, int digits = 3) =>
        double.IsFinite(value) ? value.ToString("F" + digits, CultureInfo.InvariantCulture).Replace('.', ',') : "—";

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
