using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>The report section "Classification supervisée": scores, over-fitting control, confusions, errors, recommendation.</summary>
public static class SupervisedSectionBuilder
{
    /// <summary>Models whose label does not depend on their blocks, in table order (image models come after <c>image</c>).</summary>
    private static readonly (string Model, string Label)[] Models =
    [
        ("text", "Texte (TF-IDF)"),
        ("multimodal_early", "Texte + image, fusion précoce"),
        ("multimodal_late", "Texte + image, fusion tardive"),
        ("text_lightgbm", "Texte (TF-IDF, LightGBM)"),
        ("text_doc2vec", "Texte (Doc2Vec)"),
        ("text_word2vec_tfidf", "Texte (Word2Vec pondéré IDF)"),
        ("text_transformer_minilm", "Texte (all-MiniLM-L6-v2 pré-entraîné)"),
        ("text_transformer_arctic_xs", "Texte (arctic-embed-xs pré-entraîné)"),
    ];

    /// <summary>Short French names of the image blocks, for the image models' labels.</summary>
    private static readonly Dictionary<string, string> ImageBlocks = new(StringComparer.Ordinal)
    {
        ["cnn-mobilenetv2"] = "CNN MobileNetV2",
        ["cnn-resnet18"] = "CNN ResNet18",
        ["colorhist"] = "couleurs HSV",
    };

    /// <param name="timings">Run-dependent figures the stage publishes in the run summary only (fit and prediction times).</param>
    public static ReportSection Build(SupervisedStudyInput input, ReportParameters targets, IReadOnlyDictionary<string, double> timings)
    {
        var m = input.Metrics;
        double Metric(string model, string key) => m.TryGetValue($"supervised.{model}.{key}", out var v) ? v : timings.TryGetValue($"supervised.{model}.{key}", out var t) ? t : double.NaN;
        string Label(string model) => ModelLabel(input, model);
        var shown = input.Representations.Select(r => r.Model).Where(x => m.ContainsKey($"supervised.{x}.cv_accuracy_mean"))
            .OrderBy(TableRank).Select(x => (Model: x, Label: Label(x))).ToArray();
        var n = (int)m["supervised.rows"];
        var development = (int)m["supervised.development_rows"];
        var test = (int)m["supervised.test_rows"];
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"Protocole : les {n} produits dont la photo est exploitable sont séparés, catégorie par catégorie, en {development} produits d'étude et {test} produits de test mis de côté. Sur les produits d'étude, une validation croisée stratifiée à 5 plis mesure chaque modèle ; dans chaque pli, une seconde validation croisée sur la seule partie d'entraînement choisit la pénalité L2 (et, pour la fusion tardive, le poids du texte). Le vocabulaire TF-IDF, ses poids IDF et la standardisation des descripteurs sont appris sur la partie d'entraînement seule : aucun mot ni aucune statistique des produits évalués n'y entre. Le modèle est une régression logistique multinomiale (ML.NET, LbfgsMaximumEntropy)" + (m.ContainsKey("supervised.text_lightgbm.cv_accuracy_mean") ? " ; LightGBM (arbres de gradient) sert de comparaison" : "")
                + (input.Epochs.Count > 0 ? " ; un réseau à une couche cachée (MLP) est évalué sur les mêmes plis (lignes « MLP »)." : ".")),
            new Table(
                ["Modèle", "Exactitude (moy. ± é.-t.)", "F1 macro", "Brier", "Exactitude en entraînement", "Ajustement (s)"],
                shown.Select(x => (IReadOnlyList<string>)
                [
                    x.Label,
                    $"{Number(Metric(x.Model, "cv_accuracy_mean"))} ± {Number(Metric(x.Model, "cv_accuracy_std"))}",
                    Number(Metric(x.Model, "macro_f1")),
                    Number(Metric(x.Model, "brier")),
                    Number(Metric(x.Model, "train_accuracy_mean")),
                    Number(Metric(x.Model, "fit_seconds_mean"), 2),
                ]).ToArray())
            {
                Caption = "Classification supervisée : exactitude en validation croisée (5 plis), F1 macro et score de Brier des prédictions hors pli",
                Alignments = [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right],
                HighlightedRow = Array.FindIndex(shown, x => x.Model == input.BestModel) is var i and >= 0 ? i : null,
            },
        };

        blocks.Add(Paragraph.FromMarkup(string.Join(" ", new[]
        {
            Verdict("le texte", Metric("text", "cv_accuracy_mean"), targets.AccuracyTargetText),
            Verdict("l'image", Metric("image", "cv_accuracy_mean"), targets.AccuracyTargetImage),
            Verdict("la meilleure fusion", m["supervised.multimodal.cv_accuracy_mean"], targets.AccuracyTargetMultimodal),
        })));

        if (AugmentationText(Metric) is { } augmentation)
            blocks.Add(Paragraph.FromMarkup(augmentation));

        blocks.Add(OverfittingTable(input, Label));
        blocks.Add(new Paragraph(OverfittingText(input, Metric)));
        blocks.AddRange(LearningCurvesBuilder.Build(input, Label, Metric));

        var categories = input.Confusion.Select(c => c.Category).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (categories.Length > 0)
        {
            blocks.Add(new Heatmap(
                $"Matrice de confusion — {Label(input.BestModel)}",
                categories,
                categories,
                categories.Select(t => (IReadOnlyList<double>)categories.Select(p => (double)input.Confusion.Where(c => c.Category == t && c.Predicted == p).Sum(c => c.Count)).ToArray()).ToArray())
            {
                RowAxisLabel = "Vraie catégorie",
                ColumnAxisLabel = "Catégorie prédite",
                ValueFormat = "0",
                Caption = "Prédictions hors pli du meilleur modèle sur les produits d'étude",
            });
        }

        if (input.Misclassified.Count > 0)
        {
            blocks.Add(new ImageGrid(input.Misclassified.Where(e => e.Photo is not null).Select(e => new ImageBlock(
                e.Photo!.ThumbnailRgb, e.Photo.ThumbnailWidth, e.Photo.ThumbnailHeight,
                $"{e.Category} → {e.Predicted} ({Number(e.Probability, 2)})")).ToArray())
            {
                Columns = 4,
                Caption = $"Les erreurs les plus confiantes du meilleur modèle (vraie catégorie → catégorie prédite, probabilité donnée), {input.Misclassified.Count} au plus",
            });
        }

        var best = input.BestModel;
        var testAccuracy = m["supervised.best.test_accuracy"];
        var cv = Metric(best, "cv_accuracy_mean");
        blocks.Add(Paragraph.FromMarkup(
            $"Recommandation : pour la production, le modèle **{Label(best)}**, le meilleur en validation croisée ({Number(cv)}), "
            + $"obtient **{Number(testAccuracy)}** d'exactitude sur les {test} produits de test jamais vus "
            + (Math.Abs(testAccuracy - cv) <= 2 * Metric(best, "cv_accuracy_std")
                ? "(écart à la validation croisée dans deux écarts-types : l'estimation tient). "
                : testAccuracy < cv ? "(en dessous de la validation croisée de plus de deux écarts-types : estimation optimiste, à surveiller). " : "(au-dessus de la validation croisée). ")
            + $"Son score de Brier sur le test vaut {Number(m["supervised.best.test_brier"])} ; "
            + $"la prédiction coûte {Number(Metric(best, "predict_ms_per_product"), 3)} ms par produit une fois les descripteurs calculés. "
            + $"Il est enregistré avec ses transformations ({input.ModelPath}) et s'utilise avec « placedemarche-pipeline predict --image … --text … »."));
        return new ReportSection("Classification supervisée", blocks) { StartOnNewPage = true };
    }

    /// <summary>
    /// The effect of augmenting the training photos, judged against the folds' spread; null when image_augmented did
    /// not run (no augmented embeddings of the image model's CNN on this machine).
    /// </summary>
    private static string? AugmentationText(Func<string, string, double> metric)
    {
        var copies = metric("image_augmented", "copies");
        var plain = metric("image", "cv_accuracy_mean");
        var augmented = metric("image_augmented", "cv_accuracy_mean");
        if (!double.IsFinite(augmented) || !double.IsFinite(plain))
            return null;
        var difference = augmented - plain;
        var spread = Math.Max(metric("image", "cv_accuracy_std"), metric("image_augmented", "cv_accuracy_std"));
        var copiesText = copies >= 1 ? $"{Number(copies, 0)} {Plural((long)copies, "copie transformée", "copies transformées")}" : "des copies transformées";
        return $"Augmentation des photos : chaque photo d'entraînement reçoit {copiesText} (miroir, rotation, zoom, décalage, couleurs), décrites par le même CNN ; "
            + "les photos évaluées ne sont jamais augmentées. À modèle, plis et grille de pénalités identiques, l'exactitude image passe "
            + $"de **{Number(plain)}** à **{Number(augmented)}** ({Signed(100 * difference)} points) et l'exactitude d'entraînement de {Number(metric("image", "train_accuracy_mean"))} "
            + $"à {Number(metric("image_augmented", "train_accuracy_mean"))}. "
            + (Math.Abs(difference) <= spread
                ? $"L'écart reste dans l'écart-type entre plis ({Number(spread)}) : l'augmentation n'apporte pas de gain mesurable à ce CNN figé, dont les descripteurs sont déjà peu sensibles à ces transformations."
                : difference > 0
                    ? $"L'écart dépasse l'écart-type entre plis ({Number(spread)}) : les copies rendent le classifieur plus robuste."
                    : $"La baisse dépasse l'écart-type entre plis ({Number(spread)}) : les copies éloignent l'entraînement des photos réelles.");
    }

    private static string Signed(double value) => value >= 0 ? "+" + Number(value, 1) : "−" + Number(-value, 1);

    /// <summary>Table order: text, the image model and its variants, the fusions, the other text models.</summary>
    /// <summary>A model's MLP variant comes right after it.</summary>
    private static double TableRank(string model) => model.EndsWith(SupervisedModels.MlpSuffix, StringComparison.Ordinal)
        ? TableRank(model[..^SupervisedModels.MlpSuffix.Length]) + 0.5
        : model switch
        {
            "text" => 0,
            "image" => 1,
            "image_augmented" => 2,
            _ when model.StartsWith("image_", StringComparison.Ordinal) => 3,
            _ when model.StartsWith("multimodal", StringComparison.Ordinal) => 4,
            _ => 5 + (Array.FindIndex(Models, x => x.Model == model) is var index and >= 0 ? index : Models.Length),
        };

    private static Table OverfittingTable(SupervisedStudyInput input, Func<string, string> label)
    {
        var rows = input.Curves.Where(c => c.Model is "text" or "image" or "image_augmented" or "multimodal_early" && !double.IsNaN(c.Train))
            .GroupBy(c => (c.Model, c.Value))
            .OrderBy(g => TableRank(g.Key.Model)).ThenBy(g => g.Key.Value)
            .Select(g => (IReadOnlyList<string>)[label(g.Key.Model), g.Key.Value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ','), Number(g.Average(c => c.Train)), Number(g.Average(c => c.Validation))])
            .ToArray();
        return new Table(["Modèle", "Pénalité L2", "Exactitude en entraînement", "Exactitude en validation interne"], rows)
        {
            Caption = "Courbes de régularisation : moyennes sur les plis de la recherche interne (entraînement contre validation)",
            Alignments = [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right],
        };
    }

    private static string OverfittingText(SupervisedStudyInput input, Func<string, string, double> metric)
    {
        var gap = metric("text", "train_accuracy_mean") - metric("text", "cv_accuracy_mean");
        var weakest = input.Curves.Where(c => c.Model == "text").GroupBy(c => c.Value).MinBy(g => g.Key);
        var strongest = input.Curves.Where(c => c.Model == "text").GroupBy(c => c.Value).MaxBy(g => g.Key);
        var text = $"Sur-apprentissage : le modèle texte atteint {Number(metric("text", "train_accuracy_mean"))} d'exactitude sur ses données d'entraînement contre {Number(metric("text", "cv_accuracy_mean"))} en validation croisée, soit un écart de {Number(100 * gap, 1)} points"
            + (gap > 0.05 ? " : il mémorise une partie des produits. " : " : l'écart reste faible. ");
        if (weakest is not null && strongest is not null && weakest.Key != strongest.Key)
        {
            text += $"La pénalité L2 le contrôle : de {Number(weakest.Key, 3)} à {Number(strongest.Key, 3)}, l'exactitude d'entraînement passe de {Number(weakest.Average(c => c.Train))} à {Number(strongest.Average(c => c.Train))} et celle de validation de {Number(weakest.Average(c => c.Validation))} à {Number(strongest.Average(c => c.Validation))} ; la validation interne retient, pli par pli, la pénalité qui maximise l'exactitude de validation.";
        }
        var imageGap = metric("image", "train_accuracy_mean") - metric("image", "cv_accuracy_mean");
        if (double.IsFinite(imageGap))
            text += $" Pour l'image, l'écart entraînement-validation vaut {Number(100 * imageGap, 1)} points" + (metric("image", "train_accuracy_mean") < 0.8 ? ", avec une exactitude d'entraînement elle-même basse : le modèle est limité par ses descripteurs (sous-apprentissage) plus que par le sur-apprentissage." : ".");
        return text;
    }

    private static string Verdict(string subject, double accuracy, double target) =>
        $"Pour {subject}, l'exactitude moyenne de **{Number(accuracy)}** "
        + (accuracy >= target ? $"atteint l'objectif de {Number(target, 2)}." : $"reste sous l'objectif de {Number(target, 2)} (écart de {Number(100 * (target - accuracy), 1)} points).");

    /// <summary>The model's French label; an image model's names its blocks (e.g. « Image (CNN MobileNetV2, photos augmentées) »).</summary>
    private static string ModelLabel(SupervisedStudyInput input, string model)
    {
        if (model.EndsWith(SupervisedModels.MlpSuffix, StringComparison.Ordinal))
            return ModelLabel(input, model[..^SupervisedModels.MlpSuffix.Length]) + ", MLP";
        if (Models.FirstOrDefault(x => x.Model == model).Label is { } label)
            return label;
        if (!model.StartsWith("image", StringComparison.Ordinal))
            return model;
        var representation = input.Representations.FirstOrDefault(r => r.Model == model).Representation ?? "";
        var blocks = string.Join(" + ", representation.Split('+', StringSplitOptions.RemoveEmptyEntries).Select(b => ImageBlocks.GetValueOrDefault(b, b)));
        return model == "image_augmented" ? $"Image ({blocks}, photos augmentées)" : $"Image ({blocks})";
    }

    private static string Plural(long count, string singular, string plural) => FeasibilityReportBuilder.Plural(count, singular, plural);

    private static string Number(double value, int digits = 3) => FeasibilityReportBuilder.Number(value, digits);
}
