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

        content.Add(RepresentationFigures.ScoreTable("Fusion", fusions, "Fusions évaluées par le protocole commun (ACP, t-SNE, KMeans), moyennes sur les graines."));
        if (RepresentationScores.Best(fusions) is { } best)
        {
            var mapping = ClusterCategoryMapper.Map(CategoryIndices(best.Assignments, categoryNames), best.Assignments.Clusters);
            content.Add(RepresentationFigures.MapPair(best, mapping, categoryNames,
                "Meilleure fusion, première graine : à gauche la vraie catégorie de chaque produit, à droite la catégorie à laquelle son groupe est apparié."));
            content.Add(Paragraph.FromMarkup($"Lecture : la meilleure fusion, **{best.Label}**, atteint un ARI moyen de **{Number(best.Metrics["ari_mean"])}**, "
                + $"{PublishedResults.Fusion.Standing(best.Metrics["ari_mean"], "meilleur résultat publié pour une fusion texte + images sur ce jeu")} (sources en annexe)."));
        }

        return new ReportSection(Heading, content) { StartOnNewPage = true };
    }
}
