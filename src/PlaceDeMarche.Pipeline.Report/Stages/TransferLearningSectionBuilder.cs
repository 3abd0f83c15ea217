using System.Globalization;
using PlaceDeMarche.Pipeline.Numerics.Metrics;
using PlaceDeMarche.Pipeline.Report.Document;
using static PlaceDeMarche.Pipeline.Report.Stages.FeasibilityReportBuilder;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// The section "Images — apprentissage par transfert": each pretrained CNN's embeddings scored by the shared protocol,
/// its t-SNE maps (true categories, matched clusters), confusion matrix, agreement per category and thumbnails of the
/// products it groups with another category. Says "non exécuté" when no CNN model ran.
/// </summary>
public static class TransferLearningSectionBuilder
{
    public const string Heading = "Images — apprentissage par transfert";

    /// <summary>Image representations whose method starts with this are pretrained CNN embeddings.</summary>
    public const string CnnMethodPrefix = "cnn";

    /// <summary>Confused pairs (true category → group of another) illustrated per model, and photos shown per pair.</summary>
    private const int IllustratedPairs = 2;
    private const int PhotosPerPair = 6;

    public static ReportSection Build(ImageStudyInput images, string[] categoryNames)
    {
        var models = images.Scores.Where(s => s.Method.StartsWith(CnnMethodPrefix, StringComparison.Ordinal)).ToArray();
        var ran = models.Where(m => m.HasRun).ToArray();
        var blocks = new List<ReportBlock>
        {
            new Paragraph("Méthode : un réseau de neurones convolutif entraîné sur ImageNet (1,2 million de photos, 1 000 classes) sert d'extracteur : chaque photo "
                + "traverse le réseau jusqu'à sa dernière couche avant la classification, dont le vecteur décrit ce que le réseau y reconnaît (formes, matières, objets). "
                + "Aucun apprentissage n'est fait sur nos produits : c'est l'apprentissage par transfert le plus simple. Les vecteurs suivent ensuite le même "
                + "protocole que le texte et SIFT (ACP, t-SNE, KMeans, comparaison aux vraies catégories)."),
        };
        if (ran.Length == 0)
        {
            var note = models.Length == 0 ? "non exécuté : modèle indisponible" : models[0].NotRunNote;
            blocks.Add(new Callout("Non exécuté", $"{char.ToUpperInvariant(note[0])}{note[1..]}. Aucun modèle CNN n'a pu être évalué sur cette machine ; "
                + "cette section se remplit dès qu'un modèle est disponible.") { Tone = CalloutTone.Caution });
            return new ReportSection(Heading, blocks) { StartOnNewPage = true };
        }

        blocks.Add(RepresentationFigures.ScoreTable("Modèle", models, "Modèles pré-entraînés : ARI et NMI (moyennes sur les graines) ; « bien regroupés » : part des produits dont le groupe est apparié à leur catégorie."));
        foreach (var model in ran)
        {
            blocks.AddRange(ModelBlocks(model, images, categoryNames));
        }

        var best = RepresentationScores.Best(ran)!;
        var classical = images.Scores.Where(s => s.HasRun && !s.Method.StartsWith(CnnMethodPrefix, StringComparison.Ordinal)).ToArray();
        var bestClassical = RepresentationScores.Best(classical);
        blocks.Add(Paragraph.FromMarkup($"Lecture : le meilleur modèle pré-entraîné, **{best.Label}**, atteint un ARI moyen de **{Number(best.Metrics["ari_mean"])}**"
            + (bestClassical is null
                ? "."
                : $", {(best.Metrics["ari_mean"] > bestClassical.Metrics["ari_mean"] ? "au-dessus" : "au-dessous")} du meilleur descripteur classique ({bestClassical.Label}, {Number(bestClassical.Metrics["ari_mean"])}).")
            + $" C'est {PublishedResults.Cnn.Standing(best.Metrics["ari_mean"], "meilleur résultat publié sur ce jeu, obtenu avec VGG16, un réseau plus grand")} (sources en annexe)."));
        return new ReportSection(Heading, blocks) { StartOnNewPage = true };
    }

    private static IEnumerable<ReportBlock> ModelBlocks(RepresentationScores model, ImageStudyInput images, string[] categoryNames)
    {
        var truth = CategoryIndices(model.Assignments, categoryNames);
        var mapping = ClusterCategoryMapper.Map(truth, model.Assignments.Clusters);
        yield return RepresentationFigures.MapPair(model, mapping, categoryNames,
            $"{model.Label}, première graine : à gauche chaque photo a la couleur de sa vraie catégorie, à droite celle de la catégorie à laquelle son groupe est apparié.");
        yield return RepresentationFigures.Confusion(model.Label, mapping, categoryNames, $"Première graine ; {Percent(mapping.Accuracy)} des produits sont dans le groupe de leur catégorie.");
        yield return AgreementTable(model, mapping, categoryNames);
        foreach (var block in MixUps(model, mapping, truth, images, categoryNames))
        {
            yield return block;
        }
    }

    private static Table AgreementTable(RepresentationScores model, ClusterCategoryMapping mapping, string[] categoryNames) => new(
        ["Catégorie", "Produits", "Bien regroupés", "Part", "Surtout confondue avec"],
        Enumerable.Range(0, categoryNames.Length).Select(row =>
        {
            var total = Enumerable.Range(0, categoryNames.Length).Sum(c => mapping.ConfusionMatrix[row, c]);
            var right = mapping.ConfusionMatrix[row, row];
            var worst = Enumerable.Range(0, categoryNames.Length).Where(c => c != row).MaxBy(c => mapping.ConfusionMatrix[row, c]);
            return (IReadOnlyList<string>)
            [
                categoryNames[row],
                Count(total),
                Count(right),
                total == 0 ? "—" : Percent((double)right / total),
                mapping.ConfusionMatrix[row, worst] == 0 ? "—" : $"{categoryNames[worst]} ({mapping.ConfusionMatrix[row, worst]})",
            ];
        }).ToArray())
    {
        Caption = $"{model.Label}, accord par catégorie (première graine).",
        Alignments = [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Left],
        ColumnWidths = [2.2, 0.9, 1.1, 0.8, 2.4],
    };

    /// <summary>Photos of the most frequent confusions: products of one category placed in the group of another.</summary>
    private static IEnumerable<ReportBlock> MixUps(RepresentationScores model, ClusterCategoryMapping mapping, int[] truth, ImageStudyInput images, string[] categoryNames)
    {
        var pairs = Enumerable.Range(0, categoryNames.Length)
            .SelectMany(r => Enumerable.Range(0, categoryNames.Length).Where(c => c != r && mapping.ConfusionMatrix[r, c] > 0).Select(c => (True: r, Group: c, Count: mapping.ConfusionMatrix[r, c])))
            .OrderByDescending(p => p.Count).ThenBy(p => p.True).ThenBy(p => p.Group)
            .Take(IllustratedPairs)
            .ToArray();
        foreach (var (trueCategory, group, count) in pairs)
        {
            var photos = Enumerable.Range(0, truth.Length)
                .Where(i => truth[i] == trueCategory && mapping.PredictedCategories[i] == group)
                .Select(i => images.Photo(model.Assignments.Ids[i]))
                .OfType<Core.Schema.PreprocessedImage>()
                .Take(PhotosPerPair)
                .Select(p => new ImageBlock(p.ThumbnailRgb, p.ThumbnailWidth, p.ThumbnailHeight, categoryNames[trueCategory]))
                .ToArray();
            if (photos.Length > 0)
            {
                yield return new ImageGrid(photos)
                {
                    Columns = PhotosPerPair,
                    Caption = $"{model.Label} : {count} {Plural(count, "produit", "produits")} « {categoryNames[trueCategory]} » dans le groupe « {categoryNames[group]} » ; les {photos.Length} premiers.",
                };
            }
        }
    }
}
