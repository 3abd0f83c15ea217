using System.Globalization;
using PlaceDeMarche.Pipeline.Numerics.Metrics;
using PlaceDeMarche.Pipeline.Report.Document;
using static PlaceDeMarche.Pipeline.Report.Stages.FeasibilityReportBuilder;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// The "Texte" section: every text representation scored by the shared protocol, their t-SNE maps, the best one's
/// confusion matrix, the topic models' terms and a conclusion drawn from those numbers. Used by the feasibility
/// report and by the text study's own report.
/// </summary>
public static class TextSectionBuilder
{
    public const string Heading = "Texte";

    private static readonly (string Key, string Label)[] MetricColumns =
    [
        ("nmi_mean", "NMI"),
        ("homogeneity_mean", "Homog."),
        ("completeness_mean", "Compl."),
        ("silhouette_mean", "Silh."),
        ("feature_space_ari_mean", "ARI sans t-SNE"),
    ];

    /// <param name="best">The representation the section details (see <see cref="RepresentationScores.Best"/>).</param>
    public static ReportSection Build(
        IReadOnlyList<RepresentationScores> scores,
        IReadOnlyList<TopicModelSummary> topicModels,
        RepresentationScores best,
        string[] categoryNames,
        ReportParameters parameters)
    {
        var seeds = string.Join(", ", scores.Where(s => s.HasRun).Select(s => s.Metrics["seeds"]).Distinct().Select(n => n.ToString("0", CultureInfo.InvariantCulture)));
        var blocks = new List<ReportBlock>
        {
            new Paragraph("Méthode : nom et description de chaque produit, nettoyés (entités HTML, minuscules, ponctuation et chiffres retirés, mots vides anglais et formules du site), puis représentés de plusieurs façons : sac de mots (nombre d'occurrences de chaque mot) ; TF-IDF (mots et paires de mots) ; LSA (décomposition en valeurs singulières tronquée du TF-IDF) ; poids de thèmes NMF (sur le TF-IDF) et proportions de thèmes LDA (allocation de Dirichlet latente, sur le sac de mots) ; vecteurs de mots Word2Vec et fastText (sous-mots) appris sur ce corpus, moyennés simplement, pondérés par l'IDF ou selon SIF (Arora et al., 2017) ; vecteurs de documents Doc2Vec (PV-DBOW) ; plongements d'un transformeur pré-entraîné (ONNX) quand un modèle est fourni ; enfin une combinaison de plusieurs de ces représentations (chacune normalisée et ramenée à une part égale de la variance, liste fixée dans pipeline.yaml). Chaque représentation est réduite par ACP (50 axes), projetée en deux dimensions par t-SNE, puis regroupée par KMeans en autant de groupes que de catégories ; les groupes sont comparés aux vraies catégories, que l'algorithme n'a jamais vues."),
            new Paragraph($"Robustesse : t-SNE (départ aléatoire) et KMeans sont relancés avec {seeds} graines ; le tableau donne la moyenne et l'écart-type. Aucun réglage n'a été fait en regardant les scores : chaque valeur vient de l'article ou de la bibliothèque de référence de la méthode, et sa justification figure dans l'annexe des paramètres."),
            new Table(
                ["Représentation", "ARI moyen ± σ", .. MetricColumns.Select(c => c.Label), "Temps (s)"],
                scores.Select(s => s.HasRun
                    ? (IReadOnlyList<string>)
                    [
                        s.Label,
                        $"{Number(s.Metrics["ari_mean"])} ± {Number(s.Metrics["ari_std"])}",
                        .. MetricColumns.Select(c => Number(s.Metrics.GetValueOrDefault(c.Key, double.NaN))),
                        Number(s.Seconds, 1),
                    ]
                    : [s.Label, s.NotRunNote, .. MetricColumns.Select(_ => "—"), "—"]).ToArray())
            {
                Caption = "ARI : indice de Rand ajusté (1 = accord parfait, 0 = hasard) ; NMI : information mutuelle normalisée ; "
                    + "homogénéité : chaque groupe ne contient qu'une catégorie ; complétude : chaque catégorie tient dans un groupe ; "
                    + "silhouette calculée sur la carte t-SNE ; ARI sans t-SNE : KMeans directement sur les 50 axes de l'ACP. "
                    + "Moyennes sur toutes les graines. Temps : calcul de la représentation (partagé entre les pondérations d'un même modèle) "
                    + "et évaluation, à la dernière exécution. En gras : la meilleure représentation.",
                Alignments = [ColumnAlignment.Left, ColumnAlignment.Right, .. MetricColumns.Select(_ => ColumnAlignment.Right), ColumnAlignment.Right],
                ColumnWidths = [2.2, 1.6, 0.75, 0.9, 0.85, 0.75, 1.1, 0.85],
                HighlightedRow = scores.ToList().IndexOf(best),
            },
            new PlotGrid(scores.Where(s => s.HasRun).Select(s => Map($"{s.Label} : vraies catégories", s.Assignments, CategoryIndices(s.Assignments, categoryNames), categoryNames)).ToArray())
            {
                Columns = 2,
                Caption = "Cartes t-SNE (première graine) de chaque représentation, colorées par vraie catégorie : des couleurs bien séparées annoncent un bon regroupement.",
            },
        };

        var mapping = ClusterCategoryMapper.Map(CategoryIndices(best.Assignments, categoryNames), best.Assignments.Clusters);
        blocks.Add(new PlotGrid([Map($"{best.Label} : groupes KMeans", best.Assignments, mapping.PredictedCategories, categoryNames)])
        {
            Columns = 1,
            Caption = "Meilleure représentation : chaque groupe KMeans prend la couleur de la catégorie à laquelle il est apparié ; comparée à sa carte des vraies catégories, un point qui change de couleur est mal regroupé.",
        });
        blocks.Add(RepresentationFigures.Confusion(best.Label, mapping, categoryNames, $"Première graine ; exactitude après appariement : {Number(mapping.Accuracy * 100, 1)} %."));
        blocks.AddRange(topicModels.Select(model => TopicTable(model, parameters.TopicTerms)));
        blocks.Add(Conclusion(scores, best, mapping, categoryNames, parameters));
        return new ReportSection(Heading, blocks) { StartOnNewPage = true };
    }

    /// <summary>A topic model's topics with their strongest terms; the caption gives its strongest-topic ARI.</summary>
    private static Table TopicTable(TopicModelSummary model, int shownTerms)
    {
        var terms = model.Terms;
        return new Table(
            [$"Thème {model.Label}", "Termes les plus forts"],
            terms.Topics.Distinct().Order().Select(topic => (IReadOnlyList<string>)
            [
                $"{topic + 1}",
                string.Join(", ", Enumerable.Range(0, terms.Topics.Length).Where(i => terms.Topics[i] == topic && terms.Ranks[i] < shownTerms).OrderBy(i => terms.Ranks[i]).Select(i => terms.Terms[i])),
            ]).ToArray())
        {
            Caption = $"Thèmes trouvés par {model.Label} dans le {model.Source} : chacun se lit comme une catégorie candidate. "
                + $"Classer chaque produit dans son thème le plus fort donne un ARI de {Number(model.Metrics["argmax_ari"])} avec les catégories.",
            ColumnWidths = [1, 6],
        };
    }

    /// <summary>Every statement below is computed from the scores: best method, spread, the pair of categories most
    /// often confused, and where the result stands against published figures and the thresholds.</summary>
    private static Paragraph Conclusion(
        IReadOnlyList<RepresentationScores> scores,
        RepresentationScores best,
        ClusterCategoryMapping mapping,
        string[] categoryNames,
        ReportParameters parameters)
    {
        var ari = best.Metrics["ari_mean"];
        var ran = scores.Where(s => s.HasRun).OrderByDescending(s => s.Metrics["ari_mean"]).ToArray();
        var runnerUp = ran.Length > 1 ? ran[1] : null;
        var (confusedTrue, confusedPredicted, confusedCount) = MostConfusedPair(mapping, categoryNames.Length);
        var (classical, sentenceModel) = (PublishedResults.TextClassical, PublishedResults.TextSentenceModel);
        var standing = $"{classical.Standing(ari, "les méthodes classiques sur ce jeu")} (sources en annexe), "
            + sentenceModel.Standing(ari, "meilleur résultat publié, obtenu avec un modèle de phrases pré-entraîné");
        var verdict = ari >= parameters.AriFeasible
            ? "au-dessus du seuil de faisabilité"
            : ari >= parameters.AriPromising ? "au-dessus du seuil « prometteur » mais sous celui de faisabilité" : "sous le seuil « prometteur »";
        var text = $"Conclusion sur le texte : la meilleure représentation est **{best.Label}**, avec un ARI moyen de **{Number(ari)}** "
            + $"(± {Number(best.Metrics["ari_std"])} sur les graines)"
            + (runnerUp is null ? "" : $", devant {runnerUp.Label} ({Number(runnerUp.Metrics["ari_mean"])})")
            + $" ; {Number(mapping.Accuracy * 100, 1)} % des produits tombent dans le groupe de leur catégorie. "
            + $"C'est {standing}, et {verdict} fixé avant l'étude ({Number(parameters.AriFeasible, 2)}). ";
        if (confusedCount > 0)
        {
            text += $"La confusion la plus fréquente envoie {confusedCount} {Plural(confusedCount, "produit", "produits")} « {categoryNames[confusedTrue]} » dans le groupe « {categoryNames[confusedPredicted]} » : "
                + "c'est là que la photo devra départager.";
        }

        return Paragraph.FromMarkup(text);
    }

    private static (int True, int Predicted, long Count) MostConfusedPair(ClusterCategoryMapping mapping, int categoryCount)
    {
        var best = (True: 0, Predicted: 0, Count: 0L);
        for (var row = 0; row < categoryCount; row++)
        {
            for (var column = 0; column < categoryCount; column++)
            {
                if (row != column && mapping.ConfusionMatrix[row, column] > best.Count)
                {
                    best = (row, column, mapping.ConfusionMatrix[row, column]);
                }
            }
        }

        return best;
    }
}
