using System.Globalization;
using PlaceDeMarche.Pipeline.Numerics.Metrics;
using PlaceDeMarche.Pipeline.Report.Document;
using static PlaceDeMarche.Pipeline.Report.Stages.FeasibilityReportBuilder;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>The section "Fusion texte + image": which blocks were combined and how, each fusion's scores (the naive
/// concatenation included), and the maps of the best one.</summary>
public static class FusionSectionBuilder
{
    public const string Heading = "Fusion texte + image";

    public static ReportSection Build(IReadOnlyList<RepresentationScores> fusions, IReadOnlyDictionary<string, double> blocks, string[] categoryNames)
    {
        var content = new List<ReportBlock>
        {
            new Paragraph("Méthode : les représentations retenues dans pipeline.yaml sont alignées sur les produits qui ont à la fois un texte et une photo exploitable. "
                + "Fusion à parts égales : dans chaque bloc, chaque produit est ramené à une norme 1, chaque colonne est centrée, puis le bloc entier est mis à l'échelle "
                + "pour porter sa part de la variance totale (le texte et l'image en reçoivent chacun la moitié, partagée à parts égales entre leurs blocs) ; cette règle "
                + "ne regarde aucune étiquette. Consensus : le texte et l'image sont d'abord regroupés chacun seul, avec chaque graine ; chaque produit est alors décrit "
                + "par la part de ces regroupements qui le placent avec chacun des autres (matrice de co-association). Concaténation brute : les vecteurs d'origine "
                + "mis bout à bout, sans normalisation, pour mesurer ce que la normalisation apporte."),
        };
        if (blocks.Count > 0)
        {
            content.Add(new Table(
                ["Groupe", "Représentation", "Part de la variance"],
                blocks.Select(b => (IReadOnlyList<string>)[b.Key[..b.Key.IndexOf(':')], b.Key[(b.Key.IndexOf(':') + 1)..], Percent(b.Value)]).ToArray())
            {
                Caption = "Blocs de la fusion (un groupe dont aucun modèle n'a tourné prend ses représentations de repli, déclarées dans pipeline.yaml).",
                Alignments = [ColumnAlignment.Left, ColumnAlignment.Left, ColumnAlignment.Right],
            });
        }

        content.Add(new Table(
            ["Fusion", "ARI moyen ± σ", "NMI", "Bien regroupés", "Produits"],
            fusions.Select(s => s.HasRun
                ? (IReadOnlyList<string>)
                [
                    s.Label,
                    $"{Number(s.Metrics["ari_mean"])} ± {Number(s.Metrics["ari_std"])}",
                    Number(s.Metrics.GetValueOrDefault("nmi_mean", double.NaN)),
                    Percent(s.Metrics.GetValueOrDefault("matched_accuracy_mean", double.NaN)),
                    s.Assignments.Ids.Length.ToString(CultureInfo.InvariantCulture),
                ]
                : [s.Label, s.NotRunNote, "—", "—", "—"]).ToArray())
        {
            Caption = "Fusions évaluées par le protocole commun (ACP, t-SNE, KMeans), moyennes sur les graines.",
            Alignments = [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right],
            HighlightedRow = RepresentationScores.Best(fusions) is { } top ? fusions.ToList().IndexOf(top) : null,
        });
        if (RepresentationScores.Best(fusions) is { } best)
        {
            var truth = CategoryIndices(best.Assignments, categoryNames);
            var mapping = ClusterCategoryMapper.Map(truth, best.Assignments.Clusters);
            content.Add(new PlotGrid(
            [
                Map($"{best.Label} : vraies catégories", best.Assignments, truth, categoryNames),
                Map($"{best.Label} : groupes KMeans", best.Assignments, mapping.PredictedCategories, categoryNames),
            ])
            {
                Columns = 2,
                Caption = "Meilleure fusion, première graine : à gauche la vraie catégorie de chaque produit, à droite la catégorie à laquelle son groupe est apparié.",
            });
        }

        return new ReportSection(Heading, content) { StartOnNewPage = true };
    }
}
