using System.Globalization;
using PlaceDeMarche.Pipeline.Report.Document;
using static PlaceDeMarche.Pipeline.Report.Stages.FeasibilityReportBuilder;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// The first page, "Synthèse pour la direction": can products be grouped automatically, with what confidence, from
/// the text, the image or both, what share of products lands in its category's group, the limits, and what going to
/// production takes. Every judgement is computed from the measured numbers and the thresholds of pipeline.yaml.
/// </summary>
public static class ManagementSummaryBuilder
{
    public const string Heading = "Synthèse pour la direction";

    private const string TextArea = "Texte seul";
    private const string ImageArea = "Image seule";
    private const string FusionArea = "Texte + image";

    /// <summary>The best representation of each area (null when none of it ran), in table order.</summary>
    public static IReadOnlyList<(string Area, RepresentationScores? Best)> Areas(ReportInput input) =>
    [
        (TextArea, RepresentationScores.Best(input.TextScores)),
        (ImageArea, input.Images is null ? null : RepresentationScores.Best(input.Images.Scores)),
        (FusionArea, RepresentationScores.Best(input.FusionScores)),
    ];

    public static FeasibilityVerdict Verdict(ReportInput input)
    {
        var scored = Areas(input).Where(a => a.Best is not null).ToArray();
        if (scored.Length == 0)
        {
            return new FeasibilityVerdict(FeasibilityLevel.NoResult, "", null);
        }

        var (area, best) = scored.MaxBy(a => a.Best!.Metrics["ari_mean"]);
        return new FeasibilityVerdict(FeasibilityVerdict.LevelOf(best!.Metrics["ari_mean"], input.Parameters.Report), area, best);
    }

    public static ReportSection Build(ReportInput input)
    {
        var thresholds = input.Parameters.Report;
        var verdict = Verdict(input);
        var areas = Areas(input);
        var categoryCount = input.Products.Select(p => p.Category).Distinct().Count();
        var blocks = new List<ReportBlock> { VerdictCallout(verdict, categoryCount, thresholds) };
        if (input.Archive.IsSample)
        {
            blocks.Add(new Callout("Échantillon", "Cette page a été produite sur l'échantillon de démonstration : ses chiffres illustrent la chaîne de traitement et ne permettent aucune conclusion.") { Tone = CalloutTone.Caution });
        }

        blocks.Add(AreaTable(areas, verdict, thresholds));
        if (Comparison(input, areas) is { Length: > 0 } comparison)
        {
            blocks.Add(Paragraph.FromMarkup(comparison));
        }

        blocks.Add(new Paragraph("Limites de ces chiffres :"));
        blocks.Add(new BulletList(Limits(input, categoryCount).Select(l => new Paragraph(l)).ToArray()));
        blocks.Add(Paragraph.FromMarkup(Production(input.UpstreamMetrics)));
        return new ReportSection(Heading, blocks);
    }

    private static Callout VerdictCallout(FeasibilityVerdict verdict, int categoryCount, ReportParameters thresholds)
    {
        if (verdict.Best is not { } best)
        {
            return new Callout("Pas de résultat", "Aucune représentation des produits n'a été évaluée : l'étude ne permet pas de répondre.") { Tone = CalloutTone.Negative };
        }

        var (title, tone) = verdict.Level switch
        {
            FeasibilityLevel.Feasible => ("Oui : les produits peuvent être regroupés automatiquement par catégorie", CalloutTone.Positive),
            FeasibilityLevel.Promising => ("En partie : un signal net, pas encore un regroupement fiable", CalloutTone.Caution),
            _ => ("Pas démontré : les groupes trouvés ne suivent pas assez les catégories", CalloutTone.Negative),
        };
        var seeds = (int)best.Metrics.GetValueOrDefault("seeds", 1);
        var accuracy = best.Metrics.GetValueOrDefault("matched_accuracy_mean", double.NaN);
        var text = $"Sans jamais voir les catégories, la meilleure approche ({verdict.Area.ToLowerInvariant()} : {best.Label}) retrouve les "
            + $"{categoryCount} catégories avec un **ARI moyen de {Number(best.Metrics["ari_mean"])} ± {Number(best.Metrics["ari_std"])}** "
            + $"sur {seeds} {Plural(seeds, "graine", "graines")} (1 = accord parfait, 0 = hasard).";
        if (double.IsFinite(accuracy))
        {
            text += $" Après appariement de chaque groupe à une catégorie, **{Percent(accuracy)} des produits** tombent dans le groupe de leur catégorie, "
                + $"soit environ {Math.Round(accuracy * 10).ToString(CultureInfo.InvariantCulture)} sur 10.";
        }

        text += $" Seuils fixés avant l'étude : faisable si ARI ≥ {Number(thresholds.AriFeasible, 2)}, prometteur si ARI ≥ {Number(thresholds.AriPromising, 2)}.";
        return new Callout(title, Paragraph.FromMarkup(text)) { Tone = tone };
    }

    private static Table AreaTable(IReadOnlyList<(string Area, RepresentationScores? Best)> areas, FeasibilityVerdict verdict, ReportParameters thresholds)
    {
        var seeds = areas.Where(a => a.Best is not null).Select(a => (int)a.Best!.Metrics.GetValueOrDefault("seeds", 1)).Distinct().ToArray();
        return new Table(
            ["Données", "Meilleure méthode", "ARI moyen ± σ", "Bien regroupés", "Lecture", "Produits"],
            areas.Select(a => a.Best is { } best
                ? (IReadOnlyList<string>)
                [
                    a.Area,
                    best.Label,
                    $"{Number(best.Metrics["ari_mean"])} ± {Number(best.Metrics["ari_std"])}",
                    Percent(best.Metrics.GetValueOrDefault("matched_accuracy_mean", double.NaN)),
                    FeasibilityVerdict.LevelOf(best.Metrics["ari_mean"], thresholds) switch
                    {
                        FeasibilityLevel.Feasible => "faisable",
                        FeasibilityLevel.Promising => "prometteur",
                        _ => "insuffisant",
                    },
                    Count(best.Assignments.Ids.Length),
                ]
                : [a.Area, "non exécuté", "—", "—", "—", "—"]).ToArray())
        {
            Caption = $"Meilleure méthode de chaque approche, moyenne ± écart-type sur {string.Join(" ou ", seeds)} graines. « Bien regroupés » : part des produits "
                + "dont le groupe est apparié à leur catégorie (appariement optimal, dit hongrois, des groupes aux catégories) ; « Produits » : ceux évalués "
                + "(avec photo exploitable pour l'image et la fusion). En gras : la meilleure approche.",
            Alignments = [ColumnAlignment.Left, ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Left, ColumnAlignment.Right],
            ColumnWidths = [1.1, 2.4, 1.4, 1.1, 1.0, 1.0],
            HighlightedRow = verdict.Best is null ? null : areas.ToList().FindIndex(a => a.Area == verdict.Area),
        };
    }

    /// <summary>Text against image, what combining them adds, and what the per-block normalisation adds over raw concatenation.
    /// A difference counts as real when it exceeds twice the larger seed-to-seed standard deviation of the two.</summary>
    private static string Comparison(ReportInput input, IReadOnlyList<(string Area, RepresentationScores? Best)> areas)
    {
        var text = areas[0].Best;
        var image = areas[1].Best;
        var fusion = areas[2].Best;
        var sentences = new List<string>();
        if (text is not null && image is not null)
        {
            sentences.Add($"Le texte seul ({Number(Ari(text))}) {(Ari(text) >= Ari(image) ? "devance" : "est devancé par")} l'image seule ({Number(Ari(image))}).");
            if (fusion is not null)
            {
                var single = Ari(text) >= Ari(image) ? text : image;
                var gain = Ari(fusion) - Ari(single);
                sentences.Add(gain > 0
                    ? $"Les combiner améliore le meilleur des deux de {Number(gain)} ({(Real(gain, fusion, single) ? "au-delà" : "dans la limite")} de la variation entre graines)."
                    : $"Les combiner n'améliore pas le meilleur des deux ({Number(gain)}).");
            }
        }

        var equalShare = input.FusionScores.FirstOrDefault(s => s.Method == "equal-share" && s.HasRun);
        var naive = input.FusionScores.FirstOrDefault(s => s.Method == "naive-concat" && s.HasRun);
        if (equalShare is not null && naive is not null)
        {
            var gain = Ari(equalShare) - Ari(naive);
            sentences.Add($"Mettre les vecteurs bruts bout à bout donne un ARI de {Number(Ari(naive))}, contre {Number(Ari(equalShare))} quand chaque bloc est normalisé et reçoit une part égale de la variance : "
                + (gain > 0 && Real(gain, equalShare, naive) ? "cette normalisation est indispensable." : "la normalisation change peu ici."));
        }

        return string.Join(" ", sentences);
    }

    private static IEnumerable<string> Limits(ReportInput input, int categoryCount)
    {
        var scored = input.TextScores.Concat(input.Images?.Scores ?? []).Concat(input.FusionScores).Count(s => s.HasRun);
        yield return $"Chaque chiffre est le meilleur de {scored} {Plural(scored, "représentation évaluée", "représentations évaluées")} sur les mêmes étiquettes : retenir le maximum est optimiste.";
        if (input.FusionBlocks.Count > 0)
        {
            yield return $"Les blocs de la fusion ({string.Join(", ", input.FusionBlocks.Keys.Select(k => k[(k.IndexOf(':') + 1)..]))}) ont été fixés dans pipeline.yaml avant de mesurer la fusion, "
                + "mais après avoir mesuré chaque représentation seule.";
        }

        yield return "Les groupes sont appariés aux catégories après coup, à l'aide des vraies étiquettes : le pourcentage mesure un accord, pas encore un classement utilisable tel quel.";
        yield return $"Un seul jeu de données : {Count(input.Products.Count)} {Plural(input.Products.Count, "produit", "produits")}, {categoryCount} {Plural(categoryCount, "catégorie", "catégories")} de premier niveau ; d'autres catégories ou un autre catalogue demanderaient une nouvelle mesure.";
        var missing = input.Products.Count(p => p.ImageStatus != "ok");
        if (missing > 0)
        {
            yield return $"{missing} {Plural(missing, "produit n'a pas de photo exploitable : il est exclu", "produits n'ont pas de photo exploitable : ils sont exclus")} de l'étude des images et de la fusion.";
        }
    }

    private static string Production(IReadOnlyDictionary<string, double> upstreamMetrics)
    {
        (string Key, string Label)[] models = [("text", "texte"), ("image", "image"), ("multimodal", "texte + image")];
        var measured = models
            .Where(m => upstreamMetrics.ContainsKey($"supervised.{m.Key}.cv_accuracy_mean"))
            .Select(m => (m.Label, Accuracy: upstreamMetrics[$"supervised.{m.Key}.cv_accuracy_mean"]))
            .ToArray();
        if (measured.Length == 0)
        {
            return "Passage en production : l'étape suivante est un **classifieur supervisé** (texte + image), entraîné sur les produits déjà catégorisés et "
                + "évalué par validation croisée ; il nommerait directement la catégorie d'un nouveau produit. Il faudra ensuite suivre son exactitude par "
                + "catégorie et faire relire les cas incertains.";
        }

        var best = measured.MaxBy(m => m.Accuracy);
        var heldOut = upstreamMetrics.TryGetValue("supervised.best.test_accuracy", out var test)
            ? $", et {Percent(test)} des produits mis de côté, jamais vus pendant l'entraînement"
            : "";
        return $"Passage en production : un **classifieur supervisé**, entraîné sur les produits déjà catégorisés, nomme la bonne catégorie pour "
            + $"**{Percent(best.Accuracy)} des produits** en validation croisée avec le modèle {best.Label} "
            + $"({string.Join(", ", measured.Select(m => $"{m.Label} : {Percent(m.Accuracy)}"))}){heldOut}. "
            + "C'est lui qui nommerait la catégorie d'un nouveau produit ; il faudra suivre son exactitude par catégorie et faire relire les cas incertains.";
    }

    private static double Ari(RepresentationScores scores) => scores.Metrics["ari_mean"];

    private static bool Real(double difference, RepresentationScores a, RepresentationScores b) =>
        Math.Abs(difference) > 2 * Math.Max(a.Metrics.GetValueOrDefault("ari_std", 0), b.Metrics.GetValueOrDefault("ari_std", 0));
}
