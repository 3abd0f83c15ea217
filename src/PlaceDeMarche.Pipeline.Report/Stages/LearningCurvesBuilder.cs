using System.Globalization;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// The MLP part of "Classification supervisée": the settings the inner search chose per fold, the learning curves of
/// each outer fold's refit, and what they show (where validation stopped improving, the kept epoch, the gap), all
/// computed from the epochs table.
/// </summary>
public static class LearningCurvesBuilder
{
    private static readonly string[] CurveNames = ["perte d'entraînement", "perte de validation"];

    /// <param name="label">A model's French label.</param>
    /// <param name="metric">A model's metric (<c>cv_accuracy_mean</c>, <c>train_accuracy_mean</c>…), NaN when absent.</param>
    public static IReadOnlyList<ReportBlock> Build(SupervisedStudyInput input, Func<string, string> label, Func<string, string, double> metric)
    {
        var models = input.Epochs.Select(e => e.Model).Distinct().ToArray();
        if (models.Length == 0)
            return [];
        var blocks = new List<ReportBlock>
        {
            new Paragraph("Réseau de neurones (MLP) : une couche cachée ReLU lit les mêmes descripteurs que la régression logistique, "
                + "avec dropout sur la couche cachée, décroissance des poids découplée (AdamW), mini-lots et arrêt précoce : une part des photos "
                + "d'entraînement de chaque pli (sans leurs copies augmentées) sert de validation, l'entraînement s'arrête quand la perte de validation "
                + "ne baisse plus et les poids de la meilleure époque sont restaurés. La largeur de la couche, le dropout, la décroissance, le pas d'apprentissage et, pour "
                + "l'image augmentée, le nombre de copies par photo sont choisis par la validation croisée interne, pli par pli, sans jamais voir le pli de test."),
            ChosenTable(input, models, label),
        };
        var plots = models.Select(m => Plot(input, m, label(m))).Where(p => p is not null).Select(p => p!).ToArray();
        if (plots.Length > 0)
        {
            blocks.Add(new PlotGrid(plots)
            {
                Columns = Math.Min(3, plots.Length),
                Caption = "Courbes d'apprentissage des MLP (pli externe 1) : perte d'entraînement et de validation (entropie croisée, sans dropout) par époque",
            });
        }
        blocks.AddRange(models.Select(m => new Paragraph(Reading(input, m, label(m), metric))));
        return blocks;
    }

    private static Table ChosenTable(SupervisedStudyInput input, string[] models, Func<string, string> label)
    {
        var rows = input.Chosen.Where(c => models.Contains(c.Model)).OrderBy(c => Array.IndexOf(models, c.Model)).ThenBy(c => c.Fold).Select(c =>
        {
            var setting = Parse(c.Setting);
            var epochs = input.Epochs.Count(e => e.Model == c.Model && e.Fold == c.Fold);
            return (IReadOnlyList<string>)
            [
                label(c.Model), (c.Fold + 1).ToString(CultureInfo.InvariantCulture),
                Value(setting, "hidden"), Value(setting, "dropout"), Value(setting, "weight_decay"), Value(setting, "learning_rate"), Value(setting, "copies"),
                $"{c.KeptEpoch} / {epochs}",
            ];
        }).ToArray();
        return new Table(["Modèle", "Pli", "Couche cachée", "Dropout", "Décroissance", "Pas", "Copies", "Époque retenue / époques"], rows)
        {
            Caption = "Hyper-paramètres des MLP choisis par la validation interne de chaque pli externe, et l'époque gardée par l'arrêt précoce",
            Alignments = [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right],
        };
    }

    private static ScatterPlot? Plot(SupervisedStudyInput input, string model, string label)
    {
        var epochs = input.Epochs.Where(e => e.Model == model && e.Fold == 0).OrderBy(e => e.Epoch).ToArray();
        if (epochs.Length == 0)
            return null;
        return new ScatterPlot(
            label,
            [.. epochs.Select(e => (double)e.Epoch), .. epochs.Select(e => (double)e.Epoch)],
            [.. epochs.Select(e => e.TrainLoss), .. epochs.Select(e => e.ValidationLoss)],
            [.. epochs.Select(_ => 0), .. epochs.Select(_ => 1)],
            CurveNames)
        {
            XLabel = "Époque",
            YLabel = "Perte",
            ConnectCategories = true,
        };
    }

    /// <summary>What the curves of <paramref name="model"/> say, over its outer folds.</summary>
    internal static string Reading(SupervisedStudyInput input, string model, string label, Func<string, string, double> metric)
    {
        var folds = input.Epochs.Where(e => e.Model == model).GroupBy(e => e.Fold).OrderBy(g => g.Key).Select(g =>
        {
            var curve = g.OrderBy(e => e.Epoch).ToArray();
            var kept = curve.Any(e => e.Kept) ? curve.First(e => e.Kept) : curve[^1];
            return (Kept: kept, Last: curve[^1], Count: curve.Length);
        }).ToArray();
        var keptMean = folds.Average(f => f.Kept.Epoch);
        var countMean = folds.Average(f => f.Count);
        var stillFalling = folds.Count(f => f.Kept.Epoch == f.Count);
        var rise = folds.Where(f => f.Kept.Epoch < f.Count).Select(f => (f.Last.ValidationLoss - f.Kept.ValidationLoss) / f.Kept.ValidationLoss).DefaultIfEmpty(0).Average();
        var lossGap = folds.Average(f => f.Kept.ValidationLoss - f.Kept.TrainLoss);
        var n = folds.Length;
        var text = $"{label} : sur les {n} plis, la perte de validation cesse de baisser vers l'époque {Number(keptMean, 1)} en moyenne "
            + $"(époque gardée, poids restaurés) et l'entraînement s'arrête vers l'époque {Number(countMean, 1)}";
        text += stillFalling == n
            ? " : la validation baissait encore à la dernière époque de chaque pli, davantage d'époques pourraient encore l'améliorer. "
            : rise > 0.02
                ? $" ; après l'époque gardée, la perte de validation remonte de {Number(100 * rise, 0)} % en moyenne pendant que celle d'entraînement continue de baisser : c'est le sur-apprentissage, que l'arrêt précoce coupe. "
                : " ; après l'époque gardée, la perte de validation ne fait plus que stagner (moins de 2 % de hausse) : l'arrêt précoce économise surtout du temps. ";
        text += $"À l'époque gardée, la perte d'entraînement vaut {Number(folds.Average(f => f.Kept.TrainLoss))} contre {Number(folds.Average(f => f.Kept.ValidationLoss))} en validation (écart {Number(lossGap)}). ";
        var train = metric(model, "train_accuracy_mean");
        var cv = metric(model, "cv_accuracy_mean");
        var chosen = input.Chosen.Where(c => c.Model == model).Select(c => Parse(c.Setting)).ToArray();
        var controls = $"le dropout de {Mode(chosen, "dropout")} et la décroissance des poids de {Mode(chosen, "weight_decay")} (valeurs les plus souvent choisies)";
        if (double.IsFinite(train) && double.IsFinite(cv))
        {
            var gap = train - cv;
            text += $"En exactitude, {Number(train)} sur les données d'entraînement contre {Number(cv)} en validation croisée, soit {Number(100 * gap, 1)} points d'écart"
                + (train < 0.9
                    ? " avec une exactitude d'entraînement elle-même basse : le réseau est limité par ses descripteurs (sous-apprentissage), pas par le sur-apprentissage."
                    : gap > 0.05
                        ? $" : le réseau mémorise une partie des produits malgré {controls} ; l'arrêt précoce borne ce sur-apprentissage sans l'annuler."
                        : $" : l'écart reste faible ; {controls} et l'arrêt précoce le contiennent.");
        }
        return text;
    }

    /// <summary>"hidden=128 dropout=0.5 …" as key → value.</summary>
    private static Dictionary<string, string> Parse(string setting) =>
        setting.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private static string Value(Dictionary<string, string> setting, string key) =>
        setting.TryGetValue(key, out var value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("G4", CultureInfo.InvariantCulture).Replace('.', ',')
            : "—";

    /// <summary>The value of <paramref name="key"/> chosen in most folds (the smallest on ties), in French format.</summary>
    private static string Mode(IReadOnlyList<Dictionary<string, string>> settings, string key) =>
        settings.Select(s => Value(s, key)).GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault() ?? "—";

    private static string Number(double value, int digits = 3) => FeasibilityReportBuilder.Number(value, digits);
}
