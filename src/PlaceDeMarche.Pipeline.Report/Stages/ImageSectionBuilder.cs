using System.Globalization;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>The report section "Images — descripteurs classiques": photos, keypoints, t-SNE maps, scores, unusable photos.</summary>
public static class ImageSectionBuilder
{
    /// <summary>Keypoints drawn on the example photo (the strongest ones): more would hide the product.</summary>
    private const int DrawnKeypoints = 80;

    private static readonly string[] ImageStages = ["ImagePreprocess", "ImageSift", "ImageColorHistogram", "ImageSiftClustering", "ImageColorhistClustering"];

    /// <summary>The SIFT bag of visual words' method name in the metrics (<c>image.sift.*</c>).</summary>
    private const string SiftMethod = "sift";

    public static ReportSection Build(ImageStudyInput images, string[] categoryNames, IReadOnlyList<StageTiming> timings, ReportParameters thresholds)
    {
        // Pretrained CNN embeddings have their own section (TransferLearningSectionBuilder).
        var scores = images.Scores.Where(s => !s.Method.StartsWith(TransferLearningSectionBuilder.CnnMethodPrefix, StringComparison.Ordinal)).ToArray();
        var usable = images.Index.Count(r => r.IsUsable);
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"Méthode : chaque photo est décodée directement à une taille réduite, redressée selon son orientation EXIF, réduite par moyenne de surface, complétée en carré blanc, passée en niveaux de gris puis égalisée. On en extrait les points d'intérêt SIFT (500 au plus par photo), regroupés par KMeans en un vocabulaire de « mots visuels » ; chaque photo devient l'histogramme pondéré TF-IDF de ses mots. Un histogramme de couleurs HSV sert de point de comparaison simple. Les deux représentations suivent ensuite le même protocole que le texte (ACP, t-SNE, KMeans, comparaison aux vraies catégories). Seuls les {FeasibilityReportBuilder.Count(usable)} produits dont la photo est exploitable sont évalués ; les autres ({FeasibilityReportBuilder.Count(images.Index.Count - usable)}) sont listés plus bas."),
        };
        if (images.Samples.Count > 0)
        {
            blocks.Add(SampleGrid(images, categoryNames));
        }

        if (images.KeypointPhoto is { } photo)
        {
            var shown = Math.Min(DrawnKeypoints, images.Keypoints.X.Length);
            blocks.Add(new ImageBlock(DrawKeypoints(photo, images.Keypoints, shown), photo.GrayWidth, photo.GrayHeight,
                $"Les {shown} points SIFT les plus forts (sur {FeasibilityReportBuilder.Count(images.Keypoints.X.Length)}) du produit {images.Keypoints.ProductId}, sur la photo prétraitée : cercle de rayon 2σ, trait vers l'orientation.")
            {
                DisplayWidth = 220,
            });
        }

        blocks.Add(ScoreTable(scores));
        blocks.Add(new PlotGrid(scores.Where(s => s.HasRun).Select(s => FeasibilityReportBuilder.Map(s.Label, s.Assignments, FeasibilityReportBuilder.CategoryIndices(s.Assignments, categoryNames), categoryNames)).ToArray())
        {
            Columns = 2,
            Caption = "Cartes t-SNE des descripteurs d'images, colorées par vraie catégorie.",
        });
        blocks.Add(UnusablePhotos(images.Index));
        if (scores.FirstOrDefault(s => s.Method == SiftMethod && s.HasRun) is { } sift)
        {
            blocks.Add(Paragraph.FromMarkup(SiftReading(sift.Metrics["ari_mean"], thresholds)));
        }

        var cost = timings.Where(t => ImageStages.Contains(t.Stage)).ToArray();
        if (cost.Length > 0)
        {
            blocks.Add(new Paragraph("Durées de la dernière exécution réelle (elles dépendent aussi de la charge de la machine à ce moment) : "
                + string.Join(", ", cost.Select(t => $"{t.Stage} {FeasibilityReportBuilder.Number(t.Seconds, 1)} s"))
                + ". Le prétraitement et les descripteurs SIFT sont mis en cache photo par photo : ajouter des produits ne traite que leurs photos."));
        }

        return new ReportSection("Images — descripteurs classiques", blocks) { StartOnNewPage = true };
    }

    /// <summary>What the SIFT score says, judged against the thresholds fixed before the study and the published range.</summary>
    internal static string SiftReading(double ari, ReportParameters thresholds)
    {
        var level = ari >= thresholds.AriFeasible
            ? $"atteignent le seuil de faisabilité ({FeasibilityReportBuilder.Number(thresholds.AriFeasible, 2)}) : les points locaux suffisent ici à regrouper les produits par catégorie"
            : ari >= thresholds.AriPromising
                ? $"dépassent le seuil « prometteur » ({FeasibilityReportBuilder.Number(thresholds.AriPromising, 2)}) sans atteindre celui de faisabilité : les points locaux portent un signal, pas un regroupement fiable"
                : $"restent sous le seuil « prometteur » ({FeasibilityReportBuilder.Number(thresholds.AriPromising, 2)}){(ari < thresholds.AriPromising / 3 ? ", près du hasard (ARI 0)" : "")} : des points locaux sans notion d'objet ne suffisent pas à retrouver les catégories";
        return $"Lecture honnête : avec un ARI moyen de **{FeasibilityReportBuilder.Number(ari)}**, les descripteurs SIFT {level}. "
            + $"C'est {PublishedResults.Sift.Standing(ari, "SIFT sur ce jeu de données")} (sources en annexe). Ce résultat sert de référence basse pour les réseaux de neurones pré-entraînés.";
    }

    private static ImageGrid SampleGrid(ImageStudyInput images, string[] categoryNames)
    {
        // One column per category, one row per sample rank, so each column reads as a category.
        var cells = new List<ImageBlock>();
        for (var rank = 0; rank < ImageStudyInput.SamplesPerCategory; rank++)
        {
            foreach (var category in categoryNames)
            {
                var sample = images.Samples.Where(s => s.Row.Category == category).Skip(rank).Take(1).ToArray();
                cells.Add(sample.Length == 0
                    ? new ImageBlock(Blank(8), 8, 8, category)
                    : new ImageBlock(sample[0].Image.ThumbnailRgb, sample[0].Image.ThumbnailWidth, sample[0].Image.ThumbnailHeight, category));
            }
        }

        return new ImageGrid(cells)
        {
            Columns = Math.Clamp(categoryNames.Length, 1, 8),
            Caption = $"Les {ImageStudyInput.SamplesPerCategory} premières photos exploitables de chaque catégorie (miniatures du prétraitement, pas les fichiers d'origine).",
        };
    }

    private static Table ScoreTable(IReadOnlyList<RepresentationScores> scores) => new(
        ["Représentation", "ARI moyen ± σ", "NMI", "Silhouette", "Produits"],
        scores.Select(s => (IReadOnlyList<string>)
        [
            s.Label,
            $"{FeasibilityReportBuilder.Number(s.Metrics["ari_mean"])} ± {FeasibilityReportBuilder.Number(s.Metrics["ari_std"])}",
            FeasibilityReportBuilder.Number(s.Metrics["nmi_mean"]),
            FeasibilityReportBuilder.Number(s.Metrics["silhouette_mean"]),
            FeasibilityReportBuilder.Count(s.Assignments.Ids.Length),
        ]).ToArray())
    {
        Caption = "Descripteurs d'images : ARI (moyenne ± écart-type sur les graines), NMI et silhouette sur la carte t-SNE (moyennes sur les graines) ; produits avec photo exploitable seulement.",
        Alignments = [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right],
    };

    private static ReportBlock UnusablePhotos(IReadOnlyList<ImageIndexRow> index)
    {
        var unusable = index.Where(r => !r.IsUsable).ToArray();
        return unusable.Length == 0
            ? new Paragraph("Toutes les photos ont pu être décodées et prétraitées.")
            : new Table(["Produit", "Catégorie", "Raison"], unusable.Select(r => (IReadOnlyList<string>)[r.Id, r.Category, UnusablePhotoReason.French(r.Reason)]).ToArray())
            {
                Caption = "Photos inexploitables, exclues de l'étude des images (le produit reste dans l'étude du texte)",
                ColumnWidths = [3.4, 1.8, 1.8],
            };
    }

    /// <summary>The gray photo in RGB with each keypoint drawn as a circle of radius 2σ and a stroke towards its angle.</summary>
    private static byte[] DrawKeypoints(PreprocessedImage photo, KeypointTable keypoints, int count)
    {
        var (width, height) = (photo.GrayWidth, photo.GrayHeight);
        var rgb = new byte[width * height * 3];
        for (var i = 0; i < photo.Gray.Length; i++)
        {
            rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = photo.Gray[i];
        }

        void Plot(double x, double y)
        {
            var (column, row) = ((int)Math.Round(x), (int)Math.Round(y));
            if (column >= 0 && column < width && row >= 0 && row < height)
            {
                var at = 3 * (row * width + column);
                (rgb[at], rgb[at + 1], rgb[at + 2]) = ((byte)230, (byte)40, (byte)40);
            }
        }

        for (var k = 0; k < count; k++)
        {
            var (x, y) = (keypoints.X[k], keypoints.Y[k]);
            var radius = Math.Max(2.0, 2 * keypoints.Scale[k]);
            var steps = (int)Math.Ceiling(2 * Math.PI * radius) + 8;
            for (var s = 0; s < steps; s++)
            {
                var theta = 2 * Math.PI * s / steps;
                Plot(x + radius * Math.Cos(theta), y + radius * Math.Sin(theta));
            }

            // SIFT angles turn clockwise on screen (y down), so the stroke goes along (cos, sin) in pixel axes.
            var angle = keypoints.Angle[k] * Math.PI / 180;
            for (var r = 0.0; r <= radius; r += 0.5)
            {
                Plot(x + r * Math.Cos(angle), y + r * Math.Sin(angle));
            }
        }

        return rgb;
    }

    private static byte[] Blank(int side) => Enumerable.Repeat((byte)255, side * side * 3).ToArray();
}
